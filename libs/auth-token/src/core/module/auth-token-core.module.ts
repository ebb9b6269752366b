import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthTokenEventPublisher } from '../events/auth-token-event-publisher.js';
import { AuthTokenGuard } from '../guard/auth-token.guard.js';
import { AuthTokenStrategy } from '../guard/auth-token.strategy.js';
import { ScopeCheck } from '../guard/scope-check.service.js';
import { PasswordHasher } from '../hashing/password-hasher.js';
import { passwordHasherProvider } from '../hashing/password-hasher.provider.js';
import { NoStoreInterceptor } from '../http/no-store.interceptor.js';
import { RouteEnabledGuard } from '../http/route-enabled.js';
import { MailQueue } from '../mail/mail-queue.service.js';
import { Mailer } from '../mail/mailer.js';
import { mailerProvider } from '../mail/mailer.provider.js';
import { RevocationFeed } from '../revocation/revocation-feed.js';
import { Revocations } from '../revocation/revocations.js';
import { Clock } from '../time/clock.js';
import { clockProvider } from '../time/clock.provider.js';
import { FreshUser } from '../tokens/fresh-user.js';
import { LoginIssuer } from '../tokens/login-issuer.js';
import { TokenService } from '../tokens/token.service.js';
import { UserStore } from '../users/user-store.js';
import { userFieldsProvider, userStoreProvider } from '../users/user-store.provider.js';
import { AUTH_TOKEN_USER_FIELDS } from './auth-token.constants.js';

/**
 * The core every feature imports: tokens (issue, look up, revoke), the strategy and the guard, the user store,
 * hashing, mail, events. `AuthTokenModule.forRoot()` makes one per call, with the options, the repositories of the
 * host's User entity and of the tokens, and the providers that fill the core's seams (the token cache, the API
 * token kind).
 */
@Module({
  imports: [PassportModule, DiscoveryModule],
  providers: [
    mailerProvider,
    passwordHasherProvider,
    clockProvider,
    userFieldsProvider,
    userStoreProvider,
    RevocationFeed,
    Revocations,
    TokenService,
    FreshUser,
    LoginIssuer,
    AuthTokenEventPublisher,
    MailQueue,
    ScopeCheck,
    AuthTokenStrategy,
    AuthTokenGuard,
    RouteEnabledGuard,
    NoStoreInterceptor,
  ],
  exports: [
    AUTH_TOKEN_USER_FIELDS,
    Mailer,
    PasswordHasher,
    Clock,
    UserStore,
    RevocationFeed,
    Revocations,
    TokenService,
    FreshUser,
    LoginIssuer,
    AuthTokenEventPublisher,
    MailQueue,
    AuthTokenStrategy,
    AuthTokenGuard,
    RouteEnabledGuard,
    NoStoreInterceptor,
  ],
})
export class AuthTokenCoreModule {}
