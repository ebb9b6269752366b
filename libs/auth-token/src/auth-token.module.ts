import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type {
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleExtras,
  AuthTokenModuleOptions,
  ResolvedAuthTokenOptions,
} from './core/options/auth-token-options.interface.js';
import { AUTH_TOKEN_OPTIONS } from './core/module/auth-token.constants.js';
import { AUTH_TOKEN_CONTROLLERS } from './core/module/auth-token.internal-constants.js';
import type { FeatureContext } from './core/module/feature-context.js';
import { AuthTokenGuard } from './core/guard/auth-token.guard.js';
import { mountController } from './core/http/mount-controller.js';
import { isMountedWith } from './core/http/route-enabled.js';
import { screenLibraryRoutes, type FastifyInstanceLike } from './core/http/fastify-screening.js';
import { SchemaCheck } from './core/schema/schema-check.service.js';
import { checkExtras } from './auth-token.extras.js';
import { AuthTokenConfigurableModule } from './auth-token.module-definition.js';
import { assertKnownForRootAsyncKeys, resolveAuthTokenOptions } from './options.js';
import { ApiTokensModule } from './features/api-tokens/api-tokens.module.js';
import { CleanupModule } from './features/cleanup/cleanup.module.js';
import { GraphqlModule } from './features/graphql/graphql.module.js';
import { LiveConnectionsModule } from './features/live-connections/live-connections.module.js';
import { LeakedTokensModule } from './features/leaked-tokens/leaked-tokens.module.js';
import { LoginModule } from './features/login/login.module.js';
import { MailedLinksModule } from './features/mailed-links/mailed-links.module.js';
import { PasskeysModule } from './features/passkeys/passkeys.module.js';
import { PasswordsModule } from './features/passwords/passwords.module.js';
import { ReauthenticationModule } from './features/reauthentication/reauthentication.module.js';
import { RegistrationModule } from './features/registration/registration.module.js';
import { SecurityLogModule } from './features/security-log/security-log.module.js';
import { SecurityNoticesModule } from './features/security-notices/security-notices.module.js';
import { SessionsModule } from './features/sessions/sessions.module.js';
import { ThrottlingModule } from './features/throttling/throttling.module.js';
import { TwoFactorModule } from './features/two-factor/two-factor.module.js';
import { WebSocketsModule } from './features/websockets/websockets.module.js';

/**
 * Token authentication for a Nest app:
 *
 * @example
 * TypeOrmModule.forRoot({ ..., autoLoadEntities: true }),
 * AuthTokenModule.forRoot({ userEntity: User, userSerializer: (u: User) => ({ id: u.id, username: u.username }) }),
 *
 * then `@UseGuards(AuthTokenGuard)` on the routes to protect. Each call assembles a core module and one module per
 * feature, and exports them all, so a module that imports this one sees every service.
 */
@Module({})
export class AuthTokenModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_TOKEN_CONTROLLERS) private readonly controllers: Type<object>[],
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
  ) {}

  /**
   * Registers no middleware: the library's routes screen their requests in their first guard, so the host's
   * routes pay nothing. On Fastify it adds the same screening to the library's routes before their bodies are
   * read; Nest configures middleware before it registers routes, so this is the moment to hook route creation.
   */
  configure(_consumer: MiddlewareConsumer): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    screenLibraryRoutes(adapter.getInstance<FastifyInstanceLike>(), this.controllers, this.options.trustedOrigins);
  }

  /**
   * The module for the host's User entity: the entity's type flows into `userFields` (its property names
   * only) and `userSerializer` (a function of that entity). The options are known here, so the routes of a
   * feature that is off are not mounted at all.
   */
  static forRoot<TUser extends object>(options: AuthTokenModuleOptions<TUser>): DynamicModule {
    // Checked against TUser above; the builder itself knows no entity type.
    const untyped = options as AuthTokenModuleOptions<object>;
    return assemble(AuthTokenConfigurableModule.forRoot(untyped), options, knownOptions(untyped));
  }

  /**
   * As {@link forRoot}, with the options from a factory (e.g. from ConfigService); the extras stay at the top
   * level. The options come after the routes are mounted: a feature that is off answers 404 on its routes.
   */
  static forRootAsync<TUser extends object>(options: AuthTokenModuleAsyncOptions<TUser>): DynamicModule {
    assertKnownForRootAsyncKeys(options);
    const core = AuthTokenConfigurableModule.forRootAsync(options as AuthTokenModuleAsyncOptions<object>);
    return assemble(core, options, undefined);
  }
}

/**
 * The options of `forRoot()`, resolved early to leave out switched-off routes. Invalid options mount every route:
 * the same resolution fails again while the app starts, where Nest reports it.
 */
function knownOptions(options: AuthTokenModuleOptions<object>): ResolvedAuthTokenOptions | undefined {
  const { userEntity: _entity, routePrefix = 'auth', isGlobal: _global, globalGuard: _guard, ...raw } = options;
  try {
    return resolveAuthTokenOptions(raw, routePrefix);
  } catch {
    return undefined;
  }
}

/** The module of one call: the core, each feature's module in the order they need each other, the routes. */
function assemble(
  core: DynamicModule,
  extras: AuthTokenModuleExtras,
  options: ResolvedAuthTokenOptions | undefined,
): DynamicModule {
  const { userEntity, routePrefix, isGlobal, globalGuard } = checkExtras(extras);
  const mounted: Type<object>[] = [];
  const context: FeatureContext = {
    core,
    userEntity,
    mount: (controllers) => {
      const own = controllers
        .filter((controller) => !options || isMountedWith(controller, options))
        .map((controller) => mountController(controller, routePrefix));
      mounted.push(...own);
      return own;
    },
  };
  const throttling = ThrottlingModule.register(context);
  const mailedLinks = MailedLinksModule.register(context, throttling);
  const passwords = PasswordsModule.register(context, { throttling, mailedLinks });
  const passkeys = PasskeysModule.register(context, { throttling });
  const twoFactor = TwoFactorModule.register(context, { throttling, passwords, passkeys });
  const liveConnections = LiveConnectionsModule.register(context);
  const securityLog = SecurityLogModule.register(context);
  const features = [
    throttling,
    mailedLinks,
    passwords,
    passkeys,
    twoFactor,
    LoginModule.register(context, { throttling, passwords, secondStep: twoFactor }),
    ReauthenticationModule.register(context, { passwords, twoFactor, passkeys }),
    SessionsModule.register(context),
    ApiTokensModule.register(context),
    RegistrationModule.register(context, { throttling, mailedLinks, passwords }),
    securityLog,
    SecurityNoticesModule.register(context, throttling),
    LeakedTokensModule.register(context, throttling),
    CleanupModule.register(context, { throttling, mailedLinks, securityLog }),
    liveConnections,
    WebSocketsModule.register(context, liveConnections),
    GraphqlModule.register(context, liveConnections),
  ];
  return {
    module: AuthTokenModule,
    global: isGlobal,
    imports: [core, ...features],
    providers: [
      SchemaCheck,
      { provide: AUTH_TOKEN_CONTROLLERS, useValue: mounted },
      ...(globalGuard ? [{ provide: APP_GUARD, useExisting: AuthTokenGuard }] : []),
    ],
    exports: [core, ...features],
  };
}
