import { SetMetadata } from '@nestjs/common';

/** Metadata key set by {@link Public}. */
export const IS_PUBLIC_KEY = 'auth-token:public';

/**
 * Lets a route or controller through {@link AuthTokenGuard} without a token (for use with `globalGuard`). The
 * token is not read at all, so `@CurrentUser()` is `undefined` there; use {@link OptionalAuth} to get the user
 * when a token comes.
 */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Metadata key set by {@link OptionalAuth}. */
export const IS_OPTIONAL_AUTH_KEY = 'auth-token:optional';

/**
 * Lets a route run for everyone while still reading a token when one comes: `@CurrentUser()` is the user
 * for a valid token and `null` without one. A token that is sent but invalid or expired is still a 401 (a
 * client that thinks it is logged in must learn that it is not). Use it with {@link AuthTokenGuard} (on the
 * route, or as the global guard): `@UseGuards(AuthTokenGuard) @OptionalAuth()`.
 */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH_KEY, true);
