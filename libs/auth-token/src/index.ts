// The public surface of nestjs-auth-token: what a host imports. Test helpers are in ./testing.

// The module and its options
export { AuthTokenModule } from './auth-token.module.js';
export type {
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleExtras,
  AuthTokenModuleOptions,
  AuthTokenOptions,
} from './options.js';
export { AuthTokenConfigError } from './core/errors/auth-token-config.error.js';
export { AUTH_TOKEN_MESSAGES } from './messages.js';
export { authTokenEntities } from './entities.js';
export { AuthToken, type AuthenticatedToken } from './core/tokens/auth-token.entity.js';

// Guarding routes
export { AUTH_TOKEN_STRATEGY } from './core/module/auth-token.constants.js';
export { AuthTokenGuard } from './core/guard/auth-token.guard.js';
export { CurrentToken, CurrentUser } from './core/guard/current-user.decorator.js';
export { OptionalAuth, Public } from './core/guard/public.decorator.js';
export {
  AllowApiTokens,
  RequireLoginToken,
  RequireReauthentication,
  RequireRecentLogin,
  RequireScopes,
} from './core/guard/require-scopes.decorator.js';

// Live connections: WebSockets, GraphQL subscriptions
export { WebSocketAuth } from './features/websockets/web-socket-auth.js';
export { GraphqlSubscriptionAuth } from './features/graphql/graphql-subscription-auth.js';
export { LiveConnections } from './features/live-connections/live-connections.js';
export { RevocationFeed } from './core/revocation/revocation-feed.js';

// Services for the host's own code
export { TokenService, type IssuedToken } from './core/tokens/token.service.js';
export { LoginService } from './features/login/login.service.js';
export type { LoginResult } from './core/tokens/login-issuer.js';
export type { MfaChallenge } from './features/login/second-step.js';
export { ReauthenticationService } from './features/reauthentication/reauthentication.service.js';
export { RegistrationService } from './features/registration/registration.service.js';
export { EmailConfirmationService } from './features/registration/email-confirmation.service.js';
export { PasswordService } from './features/passwords/password.service.js';
export { PasswordPolicy } from './features/passwords/password-policy.js';
export { MfaService } from './features/two-factor/mfa.service.js';
export { PasskeyService } from './features/passkeys/passkey.service.js';
export { ApiTokenService } from './features/api-tokens/api-token.service.js';
export { TokenPurgeService } from './features/cleanup/token-purge.service.js';
export { SecurityLog } from './features/security-log/security-log.service.js';
export { SecurityNotices } from './features/security-notices/security-notices.service.js';
export { LeakedTokens } from './features/leaked-tokens/leaked-tokens.service.js';
export { ReportSignature } from './features/leaked-tokens/report-signature.js';
export { rawBodyOf } from './features/leaked-tokens/raw-body.js';

// Replaceable parts
export { UserAlreadyExistsError, UserStore, type NewUserInput, type UserId } from './core/users/user-store.js';
export { TypeOrmUserStore } from './core/users/typeorm-user-store.js';
export { PasswordHasher } from './core/hashing/password-hasher.js';
export { ScryptPasswordHasher } from './core/hashing/scrypt-password-hasher.js';
export { Mailer, type MailMessage } from './core/mail/mailer.js';
export { LogMailer } from './core/mail/log-mailer.js';
export { Clock } from './core/time/clock.js';

// Usernames
export { canonicalUsername, normalizeUsername, usernameProblem } from './core/users/username.js';
export { usernameSkeleton } from './core/users/username-skeleton.js';

// Events
export { AUTH_TOKEN_EVENTS, type AuthTokenEvent } from './events.js';

// Errors a caller of the services may meet
export { FieldErrorsException } from './core/errors/field-errors.exception.js';
export { TooManyAttemptsException } from './core/errors/too-many-attempts.exception.js';
export { PasswordHashingBusyException } from './core/errors/auth-token.exceptions.js';
export { EmailNotConfirmedException, InvalidCredentialsException } from './features/login/login.exceptions.js';
export { MfaLoginFailedException } from './features/two-factor/two-factor.exceptions.js';
export { PasskeyLoginFailedException } from './features/passkeys/passkeys.exceptions.js';

// OpenAPI
export { describeAuthTokenApi } from './features/openapi/describe-auth-token-api.js';
