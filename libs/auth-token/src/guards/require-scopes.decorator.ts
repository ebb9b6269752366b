import { SetMetadata } from '@nestjs/common';

/** Metadata key set by {@link RequireScopes}. */
export const REQUIRED_SCOPES_KEY = 'auth-token:scopes';
/** Metadata key set by {@link RequireLoginToken}. */
export const REQUIRE_LOGIN_TOKEN_KEY = 'auth-token:login-token';

/**
 * The scopes an API token needs for this handler or controller (all of them; handler and controller scopes
 * add up). A token without one gets 403 with `WWW-Authenticate: Bearer ..., error="insufficient_scope"`
 * (RFC 6750 §3.1). Login tokens carry every scope. Enforced by {@link AuthTokenGuard}, per route or global.
 */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES_KEY, scopes);

/**
 * Routes an API token must never reach (credentials, account settings): an API token gets 403 there. The
 * library's own token, session and password-change routes use it.
 */
export const RequireLoginToken = () => SetMetadata(REQUIRE_LOGIN_TOKEN_KEY, true);

/** Metadata key set by {@link RequireRecentLogin}. */
export const RECENT_LOGIN_KEY = 'auth-token:recent-login';

/**
 * Step-up: the route needs a token from a login (password, and the second factor when the user has one)
 * within the last `seconds`; older ones get 403 with `code: 'recent_login_required'` (log in again). API
 * tokens never qualify.
 */
export const RequireRecentLogin = (seconds: number) => SetMetadata(RECENT_LOGIN_KEY, seconds);
