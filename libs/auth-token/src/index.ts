export { AUTH_TOKEN_STRATEGY } from './auth-token.constants.js';
export { AuthTokenModule } from './auth-token.module.js';
export type {
  AuthTokenCleanupOptions,
  AuthTokenEmailConfirmOptions,
  AuthTokenMailOptions,
  AuthTokenApiTokenOptions,
  AuthTokenMfaOptions,
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleExtras,
  AuthTokenModuleOptions,
  AuthTokenThrottleOptions,
  AuthTokenPasswordResetOptions,
  AuthTokenReauthenticationOptions,
  AuthTokenRegistrationOptions,
  ResolvedMailOptions,
  AuthTokenOptions,
  AuthTokenTokenOptions,
  AuthTokenUserFields,
  ResolvedAuthTokenOptions,
  ScryptParameters,
  UserProperty,
  UserSerializer,
} from './options/auth-token-options.interface.js';
export { AUTH_TOKEN_DEFAULTS } from './options/auth-token-defaults.js';
export { AuthTokenConfigError } from './errors/auth-token-config.error.js';
export { AUTH_TOKEN_MESSAGES } from './errors/auth-token.messages.js';
export {
  AuthTokenUnavailableException,
  EmailNotConfirmedException,
  InvalidCredentialsException,
  InvalidTokenException,
  InsufficientScopeException,
  LoginTokenRequiredException,
  MailUnavailableException,
  MfaLoginFailedException,
  ReauthenticationRequiredException,
  ApiTokenNotAllowedException,
  PasswordHashingBusyException,
  RequestBodyTooLargeException,
  OriginNotAllowedException,
  ClientAddressUnknownException,
} from './errors/auth-token.exceptions.js';
export { FieldErrorsException, type FieldErrors } from './errors/field-errors.exception.js';
export { AuthTokenGuard } from './guards/auth-token.guard.js';
export {
  AllowApiTokens,
  REQUIRE_LOGIN_TOKEN_KEY,
  REQUIRED_SCOPES_KEY,
  RequireLoginToken,
  RequireReauthentication,
  RequireRecentLogin,
  RequireScopes,
} from './guards/require-scopes.decorator.js';
export { MfaService, type MfaProof, type TotpSetup } from './mfa/mfa.service.js';
export { AUTH_MFA_TABLE, AuthMfa, authMfaEntityFor } from './mfa/auth-mfa.entity.js';
export { EnableTotpDto, MfaLoginDto, MfaPasswordDto } from './mfa/mfa.dto.js';
export { ApiTokenService, type CreateApiTokenInput, type CreatedApiToken } from './api-tokens/api-token.service.js';
export { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './api-tokens/api-token.dto.js';
export { IS_OPTIONAL_AUTH_KEY, IS_PUBLIC_KEY, OptionalAuth, Public } from './guards/public.decorator.js';
export { CurrentToken, CurrentUser } from './guards/current-user.decorator.js';
export { AuthTokenStrategy } from './strategy/auth-token.strategy.js';
export { authTokenEntities } from './entities.js';
export { AUTH_TOKEN_TABLE, AuthToken, authTokenEntityFor, type AuthTokenKind } from './tokens/auth-token.entity.js';
export { AUTH_EMAIL_TOKEN_TABLE, AuthEmailToken, authEmailTokenEntityFor, type EmailTokenPurpose } from './email-tokens/auth-email-token.entity.js';
export { TokenService, type AuthenticateOptions, type AuthenticatedToken, type IssuedToken, type IssueTokenOptions } from './tokens/token.service.js';
export { REVOCATION_CHANNEL } from './cache/revocation-notice.js';
export { LISTENER_APPLICATION_NAME } from './cache/revocation-listener.js';
export { LoginService, type LoginResult, type MfaChallenge } from './login/login.service.js';
export { LoginDto } from './login/dto/login.dto.js';
export { ReauthenticationService, type ReauthenticationProof } from './reauthentication/reauthentication.service.js';
export { ReauthenticateDto } from './reauthentication/reauthenticate.dto.js';
export { RegistrationService, type RegistrationClient } from './registration/registration.service.js';
export { canonicalUsername, normalizeUsername, USERNAME_PATTERN, usernameProblem } from './users/username.js';
export { usernameSkeleton } from './users/username-skeleton.js';
export { RegisterDto, ResendConfirmationDto } from './registration/dto/register.dto.js';
export { EmailConfirmationService, type SendMailOptions } from './email-confirmation/email-confirmation.service.js';
export { PasswordService } from './passwords/password.service.js';
export { ChangePasswordDto, ConfirmPasswordResetDto, RequestPasswordResetDto } from './passwords/dto/password.dto.js';
export { PASSWORD_MESSAGES, PasswordPolicy, type PasswordContext, type PasswordPolicyOptions } from './passwords/password-policy.js';
export { PwnedPasswordChecker, type PwnedPasswordCheckerOptions } from './passwords/pwned-password-checker.js';
export { Mailer, type MailMessage } from './mail/mailer.js';
export { LogMailer } from './mail/log-mailer.js';
export { MailQueue } from './mail/mail-queue.service.js';
export type { MailRequestClient } from './mail/mail-request-client.js';
export type { LoginClient } from './throttle/login-client.js';
export { TooManyAttemptsException } from './errors/too-many-attempts.exception.js';
export { MailerServiceMailer } from './mail/mailer-service.mailer.js';
export type { MailContext, MailTemplate, MailTemplates } from './mail/mail-templates.js';
export { UserAlreadyExistsError, UserStore, type NewUserInput, type UserId } from './users/user-store.js';
export { TypeOrmUserStore } from './users/typeorm-user-store.js';
export type { UserFieldMap } from './users/user-fields.js';
export { PasswordHasher } from './passwords/password-hasher.js';
export { ScryptPasswordHasher } from './passwords/scrypt-password-hasher.js';
export { Clock, SystemClock } from './time/clock.js';
export { TokenPurgeService, type PurgeResult } from './cleanup/token-purge.service.js';
export { SessionDto } from './sessions/session.dto.js';
export {
  AUTH_TOKEN_EVENTS,
  type AuthTokenEventMap,
  type EmailConfirmedEvent,
  type LoginFailedEvent,
  type LoginSucceededEvent,
  type LogoutEvent,
  type PasswordChangedEvent,
  type TokenRevokedEvent,
  type ApiTokenCreatedEvent,
  type ApiTokenExpiringEvent,
  type ApiTokenRevokedEvent,
  type MfaChangedEvent,
  type RecoveryCodeUsedEvent,
  type UserRegisteredEvent,
} from './events/auth-token.events.js';
export { describeAuthTokenApi, type SwaggerDecorators } from './openapi/describe-auth-token-api.js';
export { LoginResponseDto, SuccessResponseDto } from './openapi/auth-token-api.responses.js';
