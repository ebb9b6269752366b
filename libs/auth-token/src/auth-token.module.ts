import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Type,
} from '@nestjs/common';
import type {
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleOptions,
} from './core/options/auth-token-options.interface.js';
import { DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AUTH_TOKEN_USER_FIELDS } from './core/module/auth-token.constants.js';
import { AUTH_THROTTLE_REPOSITORY, AUTH_TOKEN_CONTROLLERS } from './core/module/auth-token.internal-constants.js';
import { screenOwnRoutes } from './core/http/screen-own-routes.js';
import { assertKnownForRootAsyncKeys } from './options.js';
import { ApiTokenService } from './features/api-tokens/api-token.service.js';
import { ApiTokenKind } from './features/api-tokens/api-token-kind.js';
import { BearerTokenKind } from './core/tokens/bearer-token-kind.js';
import { MfaService } from './features/two-factor/mfa.service.js';
import { MfaChallenges } from './features/two-factor/mfa-challenges.js';
import { MfaLoginService } from './features/two-factor/mfa-login.service.js';
import { LoginIssuer } from './features/login/login-issuer.js';
import { SecondStep } from './features/login/second-step.js';
import { AuthTokenConfigurableModule } from './auth-token.module-definition.js';
import { TokenPurgeService } from './features/cleanup/token-purge.service.js';
import { EmailConfirmationService } from './features/registration/email-confirmation.service.js';
import { EmailTokenService } from './features/mailed-links/email-token.service.js';
import { AuthTokenEventPublisher } from './core/events/auth-token-event-publisher.js';
import { AuthTokenGuard } from './core/guard/auth-token.guard.js';
import { NoStoreInterceptor } from './core/http/no-store.interceptor.js';
import { RouteEnabledGuard } from './core/http/route-enabled.js';
import { LoginService } from './features/login/login.service.js';
import { LinkMailService } from './features/mailed-links/link-mail.service.js';
import { MailQueue } from './core/mail/mail-queue.service.js';
import { MailThrottle } from './features/throttling/mail-throttle.service.js';
import { Mailer } from './core/mail/mailer.js';
import { mailerProvider } from './core/mail/mailer.provider.js';
import { PasswordHasher } from './core/hashing/password-hasher.js';
import { passwordHasherProvider } from './core/hashing/password-hasher.provider.js';
import { PasswordPolicy } from './features/passwords/password-policy.js';
import { passwordPolicyProvider } from './features/passwords/password-policy.provider.js';
import { PasswordService } from './features/passwords/password.service.js';
import { ClientHashSlots } from './features/passwords/client-hash-slots.js';
import { PasswordCheck } from './features/passwords/password-check.js';
import { ReauthenticationService } from './features/reauthentication/reauthentication.service.js';
import { ScopeCheck } from './core/guard/scope-check.service.js';
import { FreshUser } from './core/tokens/fresh-user.js';
import { RegistrationService } from './features/registration/registration.service.js';
import { repositoryProvider } from './core/module/repositories.js';
import { SchemaCheck } from './core/schema/schema-check.service.js';
import { AuthTokenStrategy } from './core/guard/auth-token.strategy.js';
import { AuthThrottle } from './features/throttling/auth-throttle.entity.js';
import { LoginThrottle } from './features/throttling/login-throttle.service.js';
import { ThrottleService } from './features/throttling/throttle.service.js';
import { Clock } from './core/time/clock.js';
import { clockProvider } from './core/time/clock.provider.js';
import { TokenService } from './core/tokens/token.service.js';
import { RevocationListener } from './features/token-cache/revocation-listener.js';
import { Revocations } from './core/revocation/revocations.js';
import { lookupCacheProvider, tokenCacheProvider } from './features/token-cache/token-cache.provider.js';
import { UserStore } from './core/users/user-store.js';
import { userFieldsProvider, userStoreProvider } from './core/users/user-store.provider.js';

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
    lookupCacheProvider,
    Revocations,
    RevocationListener,
    TokenService,
    FreshUser,
    ApiTokenService,
    { provide: BearerTokenKind, useClass: ApiTokenKind },
    MfaService,
    MfaChallenges,
    MfaLoginService,
    { provide: SecondStep, useExisting: MfaLoginService },
    LoginIssuer,
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
    lookupCacheProvider,
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
  constructor(
    @Inject(AUTH_TOKEN_CONTROLLERS) private readonly controllers: Type<object>[],
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Screens the requests to the module's own routes (foreign Origin, oversized body) before any other work. */
  configure(consumer: MiddlewareConsumer): void {
    screenOwnRoutes(consumer, this.controllers, this.adapterHost.httpAdapter);
  }

  /**
   * The module for the host's User entity: the entity's type flows into `userFields` (its property names
   * only) and `userSerializer` (a function of that entity).
   */
  static forRoot<TUser extends object>(options: AuthTokenModuleOptions<TUser>): DynamicModule {
    // Checked against TUser above; the builder itself knows no entity type.
    return {
      ...AuthTokenConfigurableModule.forRoot(options as AuthTokenModuleOptions<object>),
      module: AuthTokenModule,
    };
  }

  /** As {@link forRoot}, with the options from a factory (e.g. from ConfigService); the extras stay at the top level. */
  static forRootAsync<TUser extends object>(options: AuthTokenModuleAsyncOptions<TUser>): DynamicModule {
    assertKnownForRootAsyncKeys(options);
    return {
      ...AuthTokenConfigurableModule.forRootAsync(options as AuthTokenModuleAsyncOptions<object>),
      module: AuthTokenModule,
    };
  }
}
