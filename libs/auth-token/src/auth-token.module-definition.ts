import { ConfigurableModuleBuilder, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_ENTITY, AUTH_TOKEN_USER_FIELDS, AUTH_TOKEN_USER_REPOSITORY } from './auth-token.constants.js';
import { authTokenProviders } from './auth-token.providers.js';
import { AuthTokenConfigError } from './errors/auth-token-config.error.js';
import { AuthTokenGuard } from './guards/auth-token.guard.js';
import { mountController } from './http/mount-controller.js';
import { NoStoreInterceptor } from './http/no-store.interceptor.js';
import { LoginController } from './login/login.controller.js';
import { LoginService } from './login/login.service.js';
import type { AuthTokenModuleExtras, AuthTokenOptions } from './options/auth-token-options.interface.js';
import { resolveAuthTokenOptions } from './options/resolve-options.js';
import { AuthTokenStrategy } from './strategy/auth-token.strategy.js';
import { Clock } from './time/clock.js';
import { authEmailTokenEntityFor } from './email-tokens/auth-email-token.entity.js';
import { EmailTokenService } from './email-tokens/email-token.service.js';
import { EmailConfirmationService } from './email-confirmation/email-confirmation.service.js';
import { RouteEnabledGuard } from './http/route-enabled.js';
import { LinkMailService } from './mail/link-mail.service.js';
import { Mailer } from './mail/mailer.js';
import { PasswordController } from './passwords/password.controller.js';
import { PasswordPolicy } from './passwords/password-policy.js';
import { PasswordService } from './passwords/password.service.js';
import { RegistrationController } from './registration/registration.controller.js';
import { RegistrationService } from './registration/registration.service.js';
import { TokenPurgeService } from './cleanup/token-purge.service.js';
import { AuthTokenEventPublisher } from './events/auth-token-event-publisher.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { authTokenEntityFor } from './tokens/auth-token.entity.js';
import { authTokenEntities } from './entities.js';
import { ThrottleService } from './throttle/throttle.service.js';
import { LoginThrottle } from './throttle/login-throttle.service.js';
import { MailThrottle } from './mail/mail-throttle.service.js';
import { MailQueue } from './mail/mail-queue.service.js';
import { TokenService } from './tokens/token.service.js';
import { PasswordHasher } from './users/password-hasher.js';
import { UserStore } from './users/user-store.js';

/** Extras shape the module (entities, routes, global registration), so they sit at the top level of both forms. */
const EXTRAS: AuthTokenModuleExtras = { userEntity: undefined, routePrefix: 'auth', isGlobal: false, globalGuard: false };

function shapeModule(definition: DynamicModule, extras: AuthTokenModuleExtras): DynamicModule {
  const { userEntity, routePrefix = 'auth', isGlobal, globalGuard } = extras;
  if (typeof userEntity !== 'function') {
    throw new AuthTokenConfigError('userEntity', 'is required: pass the TypeORM entity class of your users');
  }
  if (typeof routePrefix !== 'string' || !/^[\w\-/]*$/.test(routePrefix)) {
    throw new AuthTokenConfigError('routePrefix', `must be a URL path such as "auth" (got ${String(routePrefix)})`);
  }
  const tokenEntity = authTokenEntityFor(userEntity);
  const emailTokenEntity = authEmailTokenEntityFor(userEntity);
  const providers: Provider[] = [
    ...(definition.providers ?? []),
    {
      provide: AUTH_TOKEN_OPTIONS,
      inject: [AUTH_TOKEN_RAW_OPTIONS],
      useFactory: (raw: AuthTokenOptions) => resolveAuthTokenOptions(raw, routePrefix),
    },
    { provide: AUTH_TOKEN_USER_ENTITY, useValue: userEntity },
    ...authTokenProviders(tokenEntity, emailTokenEntity),
    TokenService,
    LoginService,
    EmailTokenService,
    LinkMailService,
    EmailConfirmationService,
    RegistrationService,
    PasswordService,
    AuthTokenEventPublisher,
    TokenPurgeService,
    ThrottleService,
    LoginThrottle,
    MailThrottle,
    MailQueue,
    AuthTokenStrategy,
    AuthTokenGuard,
    RouteEnabledGuard,
    NoStoreInterceptor,
  ];
  if (globalGuard) providers.push({ provide: APP_GUARD, useExisting: AuthTokenGuard });
  return {
    ...definition,
    global: isGlobal,
    imports: [...(definition.imports ?? []), PassportModule, TypeOrmModule.forFeature([...authTokenEntities(userEntity), userEntity])],
    controllers: [LoginController, SessionsController, RegistrationController, PasswordController].map((controller) =>
      mountController(controller, routePrefix),
    ),
    providers,
    exports: [
      AUTH_TOKEN_OPTIONS,
      AUTH_TOKEN_USER_ENTITY,
      AUTH_TOKEN_USER_REPOSITORY,
      AUTH_TOKEN_USER_FIELDS,
      TokenService,
      LoginService,
      EmailConfirmationService,
      PasswordService,
      RegistrationService,
      TokenPurgeService,
      ThrottleService,
      MailQueue,
      UserStore,
      PasswordHasher,
      PasswordPolicy,
      Mailer,
      Clock,
      AuthTokenStrategy,
      AuthTokenGuard,
    ],
  };
}

export const {
  ConfigurableModuleClass: AuthTokenConfigurableModule,
  MODULE_OPTIONS_TOKEN: AUTH_TOKEN_RAW_OPTIONS,
  OPTIONS_TYPE: AUTH_TOKEN_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: AUTH_TOKEN_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AuthTokenOptions>({ moduleName: 'AuthToken' })
  .setClassMethodName('forRoot')
  .setExtras(EXTRAS, shapeModule)
  .build();
