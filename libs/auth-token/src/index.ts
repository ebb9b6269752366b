// The public surface of nestjs-auth-token: what a host imports. Test helpers are in ./testing.

// The module and its options
export { AuthTokenModule } from './auth-token.module.js';
export type {
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleExtras,
  AuthTokenModuleOptions,
  AuthTokenOptions,
} from './options/auth-token-options.interface.js';
export { AuthTokenConfigError } from './errors/auth-token-config.error.js';
export { AUTH_TOKEN_MESSAGES } from './errors/auth-token.messages.js';
export { authTokenEntities } from './entities.js';
export { AuthToken } from './tokens/auth-token.entity.js';

// Guarding routes
export { AUTH_TOKEN_STRATEGY } from './auth-token.constants.js';
export { AuthTokenGuard } from './guards/auth-token.guard.js';
export { CurrentToken, CurrentUser } from './guards/current-user.decorator.js';
export { OptionalAuth, Public } from './guards/public.decorator.js';
export {
  AllowApiTokens,
  RequireLoginToken,
  RequireReauthentication,
  RequireRecentLogin,
  RequireScopes,
} from './guards/require-scopes.decorator.js';

// Services for the host's own code
export { TokenService, type AuthenticatedToken, type IssuedToken } from './tokens/token.service.js';
export { LoginService, type LoginResult, type MfaChallenge } from './login/login.service.js';
export { ReauthenticationService } from './reauthentication/reauthentication.service.js';
export { RegistrationService } from './registration/registration.service.js';
export { EmailConfirmationService } from './email-confirmation/email-confirmation.service.js';
export { PasswordService } from './passwords/password.service.js';
export { PasswordPolicy } from './passwords/password-policy.js';
export { MfaService } from './mfa/mfa.service.js';
export { ApiTokenService } from './api-tokens/api-token.service.js';
export { TokenPurgeService } from './cleanup/token-purge.service.js';

// Replaceable parts
export { UserAlreadyExistsError, UserStore, type NewUserInput, type UserId } from './users/user-store.js';
export { TypeOrmUserStore } from './users/typeorm-user-store.js';
export { PasswordHasher } from './passwords/password-hasher.js';
export { ScryptPasswordHasher } from './passwords/scrypt-password-hasher.js';
export { Mailer, type MailMessage } from './mail/mailer.js';
export { LogMailer } from './mail/log-mailer.js';
export { Clock } from './time/clock.js';

// Usernames
export { canonicalUsername, normalizeUsername, usernameProblem } from './users/username.js';
export { usernameSkeleton } from './users/username-skeleton.js';

// Events
export { AUTH_TOKEN_EVENTS, type AuthTokenEvent } from './events/auth-token.events.js';

// Errors a caller of the services may meet
export { FieldErrorsException } from './errors/field-errors.exception.js';
export { TooManyAttemptsException } from './errors/too-many-attempts.exception.js';
export {
  EmailNotConfirmedException,
  InvalidCredentialsException,
  MfaLoginFailedException,
  PasswordHashingBusyException,
} from './errors/auth-token.exceptions.js';

// OpenAPI
export { describeAuthTokenApi } from './openapi/describe-auth-token-api.js';
