import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import {
  AuthTokenModule,
  GraphqlSubscriptionAuth,
  type AuthTokenOptions,
  type Clock,
  type Mailer,
} from 'nestjs-auth-token';
import type { DemoConfig } from './config/demo-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { openMigrated } from './database/migrate-under-lock.js';
import { ClientConfigController } from './client/client-config.controller.js';
import { DEMO_CONFIG } from './config/demo-config.token.js';
import { DEMO_SCOPES } from './hello/demo-scopes.js';
import { demoMfaKey } from './mfa/mfa-key.js';
import { HelloController } from './hello/hello.controller.js';
import { HelloGateway } from './live/hello.gateway.js';
import { HelloResolver } from './live/hello.resolver.js';
import { User } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';

/** What the demo returns as `user` with a login and from /auth/me. */
export const serializeUser = (user: User) => ({ id: user.id, username: user.username, email: user.email });

/** Extra wiring for tests: a movable clock, a mailer in place of @nestjs-modules/mailer, other options. */
export interface DemoTestHooks {
  clock?: Clock;
  mailer?: Mailer;
  /** Merged over the options made from the configuration (each group key by key). */
  options?: Partial<AuthTokenOptions>;
}

const isPlainObject = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** The library's options, from the demo's configuration (the CONTRACT's environment variables). */
export function authOptions(config: DemoConfig, hooks: DemoTestHooks = {}): AuthTokenOptions {
  const options: AuthTokenOptions = {
    userSerializer: serializeUser,
    tokens: { ttl: config.tokenTtl, maxTtl: config.tokenMaxTtl, cacheTtl: config.tokenCacheTtl },
    scopes: DEMO_SCOPES,
    apiTokens: { enabled: true, ttl: config.apiTokenTtl, maxTtl: config.apiTokenMaxTtl },
    reauthentication: { window: config.reauthWindow },
    mfa: { encryptionKey: demoMfaKey(config.database, config.mfaEncryptionKey), issuer: 'nestjs-auth-token demo' },
    passkeys: { rpId: config.webauthnRpId, rpName: 'nestjs-auth-token demo', origins: config.webauthnOrigins },
    scrypt: { cost: config.scryptCost },
    registration: { enabled: config.registration },
    emailConfirm: {
      enabled: config.emailConfirm,
      ttl: config.confirmTtl,
      resendInterval: config.confirmResendInterval,
      baseUrl: config.confirmBaseUrl,
      from: config.mailFrom,
      redirect: { success: config.confirmRedirect, invalid: config.confirmInvalidRedirect },
    },
    passwordReset: { url: config.passwordResetUrl, from: config.mailFrom },
    securityNotices: { from: config.mailFrom },
    leakedTokens: { keysUrl: config.secretScanningKeysUrl },
    // Pages on these origins may call the API from a browser (CORS), so they may also log in and register.
    trustedOrigins: config.corsOrigins,
    clock: hooks.clock,
    mailer: hooks.mailer,
  };
  const merged: AuthTokenOptions & Record<string, unknown> = { ...options };
  for (const [key, value] of Object.entries(hooks.options ?? {})) {
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return merged;
}

/**
 * Mails go to SMTP_URL through @nestjs-modules/mailer, which the library finds by itself; without SMTP_URL the
 * library logs them as JSON. Imported lazily: the package is only needed when mail is really sent.
 */
function mailerImports(config: DemoConfig, hooks: DemoTestHooks): Promise<DynamicModule>[] {
  if (!config.smtpUrl || hooks.mailer) return [];
  const url = new URL(config.smtpUrl);
  return [
    import('@nestjs-modules/mailer').then(({ MailerModule }) =>
      MailerModule.forRoot({
        transport: {
          host: url.hostname,
          port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
          secure: url.protocol === 'smtps:',
          ignoreTLS: url.protocol !== 'smtps:' && ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
          auth: url.username
            ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
            : undefined,
          // Fail within seconds when the mail server is down, rather than holding the request for minutes.
          connectionTimeout: 5000,
          greetingTimeout: 5000,
          socketTimeout: 10000,
        },
      }),
    ),
  ];
}

/** The demo host app, assembled from its configuration. */
@Module({})
export class DemoModule {
  static register(config: DemoConfig, hooks: DemoTestHooks = {}): DynamicModule {
    const auth = AuthTokenModule.forRoot({ userEntity: User, ...authOptions(config, hooks) });
    return {
      module: DemoModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1000 }),
          // Migrations run once even when several instances start together (an advisory lock on PostgreSQL).
          dataSourceFactory: (options) => openMigrated(options as DataSourceOptions),
        }),
        ...mailerImports(config, hooks),
        auth,
        // POST /graphql, and subscriptions over graphql-ws on /graphql authenticated by the library.
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [auth],
          inject: [GraphqlSubscriptionAuth],
          useFactory: (subscriptions: GraphqlSubscriptionAuth) => ({
            autoSchemaFile: true,
            graphiql: false,
            // Errors name their code, not the server's files (Apollo adds stack traces outside production).
            includeStacktraceInErrorResponses: false,
            subscriptions: subscriptions.subscriptions(),
          }),
        }),
      ],
      controllers: [HelloController, ClientConfigController],
      providers: [UsersService, HelloResolver, HelloGateway, { provide: DEMO_CONFIG, useValue: config }],
      exports: [UsersService],
    };
  }
}
