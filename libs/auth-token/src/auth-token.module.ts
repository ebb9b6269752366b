import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type Type } from '@nestjs/common';
import type { AuthTokenModuleAsyncOptions, AuthTokenModuleOptions } from './options/auth-token-options.interface.js';
import { DiscoveryModule } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AUTH_TOKEN_USER_FIELDS } from './auth-token.constants.js';
import { AUTH_THROTTLE_REPOSITORY, AUTH_TOKEN_CONTROLLERS } from './auth-token.internal-constants.js';
import { screenOwnRoutes } from './http/screen-own-routes.js';
import { assertKnownAsyncKeys } from './options/option-keys.js';
import { ApiTokenService } from './api-tokens/api-token.service.js';
import { MfaService } from './mfa/mfa.service.js';
import { AuthTokenConfigurableModule } from './auth-token.module-definition.js';
import { TokenPurgeService } from './cleanup/token-purge.service.js';
import { EmailConfirmationService } from './email-confirmation/email-confirmation.service.js';
import { EmailTokenService } from './email-tokens/email-token.service.js';
import { AuthTokenEventPublisher } from './events/auth-token-event-publisher.js';
import { AuthTokenGuard } from './guards/auth-token.guard.js';
import { NoStoreInterceptor } from './http/no-store.interceptor.js';
import { RouteEnabledGuard } from './http/route-enabled.js';
import { LoginService } from './login/login.service.js';
import { LinkMailService } from './mail/link-mail.service.js';
import { MailQueue } from './mail/mail-queue.service.js';
import { MailThrottle } from './mail/mail-throttle.service.js';
import { Mailer } from './mail/mailer.js';
import { mailerProvider } from './mail/mailer.provider.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { passwordHasherProvider } from './passwords/password-hasher.provider.js';
import { PasswordPolicy } from './passwords/password-policy.js';
import { passwordPolicyProvider } from './passwords/password-policy.provider.js';
import { PasswordService } from './passwords/password.service.js';
import { ClientHashSlots } from './passwords/client-hash-slots.js';
import { PasswordCheck } from './passwords/password-check.js';
import { ReauthenticationService } from './reauthentication/reauthentication.service.js';
import { ScopeCheck } from './guards/scope-check.service.js';
import { FreshUser } from './tokens/fresh-user.js';
import { RegistrationService } from './registration/registration.service.js';
import { repositoryProvider } from './repositories.js';
import { SchemaCheck } from './schema/schema-check.service.js';
import { AuthTokenStrategy } from './strategy/auth-token.strategy.js';
import { AuthThrottle } from './throttle/auth-throttle.entity.js';
import { LoginThrottle } from './throttle/login-throttle.service.js';
import { ThrottleService } from './throttle/throttle.service.js';
import { Clock } from './time/clock.js';
import { clockProvider } from './time/clock.provider.js';
import { TokenService } from './tokens/token.service.js';
import { RevocationListener } from './cache/revocation-listener.js';
import { Revocations } from './cache/revocations.js';
import { tokenCacheProvider } from './cache/token-cache.provider.js';
import { UserStore } from './users/user-store.js';
import { userFieldsProvider, userStoreProvider } from './users/user-store.provider.js';

/**
 * Token authentication for a Nest app:
 *
 * @example
 * TypeOrmModule.forRoot({ ..., autoLoadEntities: true }),
 * AuthTokenModule.forRoot({ userEntity: User, userSerializer: (u: User) => ({ id: u.id, username: u.username }) }),
 *
 * then `@UseGuards(AuthTokenGuard)` on the routes to protect. What depends on `userEntity` and the other
 * extras (entities, repositories, controllers, `global`) is added by `forRoot`; the rest is fixed here.
 */
@Module({
  imports: [PassportModule, DiscoveryModule],
  providers: [
    mailerProvider,
    passwordHasherProvider,
    passwordPolicyProvider,
    clockProvider,
    userFieldsProvider,
    userStoreProvider,
    repositoryProvider(AUTH_THROTTLE_REPOSITORY, AuthThrottle),
    tokenCacheProvider,
    Revocations,
    RevocationListener,
    TokenService,
    FreshUser,
    ApiTokenService,
    MfaService,
    ClientHashSlots,
    PasswordCheck,
    LoginService,
    ReauthenticationService,
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
    SchemaCheck,
    ScopeCheck,
    AuthTokenStrategy,
    AuthTokenGuard,
    RouteEnabledGuard,
    NoStoreInterceptor,
  ],
  exports: [
    AUTH_TOKEN_USER_FIELDS,
    tokenCacheProvider,
    Revocations,
    RevocationListener,
    TokenService,
    ApiTokenService,
    MfaService,
    LoginService,
    ReauthenticationService,
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
})
export class AuthTokenModule implements NestModule {
  constructor(@Inject(AUTH_TOKEN_CONTROLLERS) private readonly controllers: Type<object>[]) {}

  /** Screens the requests to the module's own routes (foreign Origin, oversized body) before any other work. */
  configure(consumer: MiddlewareConsumer): void {
    screenOwnRoutes(consumer, this.controllers);
  }

  /**
   * The module for the host's User entity: the entity's type flows into `userFields` (its property names
   * only) and `userSerializer` (a function of that entity).
   */
  static forRoot<TUser extends object>(options: AuthTokenModuleOptions<TUser>): DynamicModule {
    // Checked against TUser above; the builder itself knows no entity type.
    return { ...AuthTokenConfigurableModule.forRoot(options as AuthTokenModuleOptions<object>), module: AuthTokenModule };
  }

  /** As {@link forRoot}, with the options from a factory (e.g. from ConfigService); the extras stay at the top level. */
  static forRootAsync<TUser extends object>(options: AuthTokenModuleAsyncOptions<TUser>): DynamicModule {
    assertKnownAsyncKeys(options);
    return { ...AuthTokenConfigurableModule.forRootAsync(options as AuthTokenModuleAsyncOptions<object>), module: AuthTokenModule };
  }
}
