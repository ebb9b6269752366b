import { SetMetadata } from '@nestjs/common';

/** Metadata key set by {@link RequireScopes}. */
export const REQUIRED_SCOPES_KEY = 'auth-token:scopes';
/** Metadata key set by {@link RequireLoginToken}. */
export const REQUIRE_LOGIN_TOKEN_KEY = 'auth-token:login-token';
/** Metadata key set by {@link AllowApiTokens}. */
export const ALLOW_API_TOKENS_KEY = 'auth-token:allow-api-tokens';
/** Metadata key set by {@link RequireReauthentication}. */
export const REAUTHENTICATION_KEY = 'auth-token:reauthentication';

/**
 * The scopes an API token needs for this handler or controller (all of them; handler and controller scopes
 * add up). A token without one gets 403 with `WWW-Authenticate: Bearer ..., error="insufficient_scope"`
 * (RFC 6750 §3.1). Login tokens carry every scope. Every scope named must be declared in the `scopes` option:
 * start-up stops otherwise, naming the route. Enforced by {@link AuthTokenGuard}, per route or global.
 */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES_KEY, scopes);

/**
 * Least privilege: an API token reaches only routes that name their scopes with {@link RequireScopes}. This lets
 * it reach a route that names none (the library's `GET /auth/me` and logout use it); any API token then passes.
 */
export const AllowApiTokens = () => SetMetadata(ALLOW_API_TOKENS_KEY, true);

/**
 * Routes an API token must never reach (credentials, account settings): an API token gets 403 there. The
 * library's own token, session and password-change routes use it.
 */
export const RequireLoginToken = () => SetMetadata(REQUIRE_LOGIN_TOKEN_KEY, true);

/**
 * Sudo mode: the route needs a login token whose user proved who they are (login with password and second
 * factor, or `POST /auth/reauthenticate`) within the last `seconds` (default: the `reauthentication.window`
 * option, 900 s). Otherwise 403 with `code: 'reauthentication_required'`; API tokens never qualify. The library's
 * routes that create credentials use it; use it on your own sensitive routes (change the e-mail address, delete
 * the account, pay).
 */
export const RequireReauthentication = (seconds?: number) => SetMetadata(REAUTHENTICATION_KEY, seconds ?? true);

/**
 * @deprecated Use {@link RequireReauthentication}: the same check, which `POST /auth/reauthenticate` satisfies
 * without a new login.
 */
export const RequireRecentLogin = (seconds: number) => RequireReauthentication(seconds);
