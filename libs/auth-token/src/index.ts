export {
  AUTH_TOKEN_OPTIONS,
  AUTH_TOKEN_STRATEGY,
  AUTH_TOKEN_USER_ENTITY,
  AUTH_TOKEN_USER_FIELDS,
  AUTH_TOKEN_USER_REPOSITORY,
} from './auth-token.constants.js';
export { AuthTokenModule } from './auth-token.module.js';
export { AUTH_TOKEN_ASYNC_OPTIONS_TYPE, AUTH_TOKEN_OPTIONS_TYPE } from './auth-token.module-definition.js';
export type {
  AuthTokenModuleExtras,
  AuthTokenOptions,
  AuthTokenTokenOptions,
  AuthTokenUserFields,
  ResolvedAuthTokenOptions,
  ScryptParameters,
  UserSerializer,
} from './options/auth-token-options.interface.js';
export { resolveAuthTokenOptions } from './options/resolve-options.js';
export { AuthTokenConfigError } from './errors/auth-token-config.error.js';
export { AUTH_TOKEN_MESSAGES } from './errors/auth-token.messages.js';
export { AuthTokenUnavailableException, InvalidCredentialsException, InvalidTokenException } from './errors/auth-token.exceptions.js';
export { AuthTokenGuard } from './guards/auth-token.guard.js';
export { IS_PUBLIC_KEY, Public } from './guards/public.decorator.js';
export { CurrentToken, CurrentUser } from './guards/current-user.decorator.js';
export { AuthTokenStrategy } from './strategy/auth-token.strategy.js';
export { AUTH_TOKEN_TABLE, AuthToken, authTokenEntityFor } from './tokens/auth-token.entity.js';
export { TokenService, type AuthenticatedToken, type IssuedToken, type IssueTokenOptions } from './tokens/token.service.js';
export { LoginService, type LoginResult } from './login/login.service.js';
export { LoginDto } from './login/dto/login.dto.js';
export { UserStore, type UserId } from './users/user-store.js';
export { TypeOrmUserStore } from './users/typeorm-user-store.js';
export type { UserFieldMap } from './users/user-fields.js';
export { PasswordHasher } from './users/password-hasher.js';
export { ScryptPasswordHasher } from './users/scrypt-password-hasher.js';
export { Clock, SystemClock } from './time/clock.js';
