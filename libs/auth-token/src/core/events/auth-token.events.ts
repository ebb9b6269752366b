import type { UserId } from '../users/user-store.js';

/** The core's event names (the features add theirs; `AUTH_TOKEN_EVENTS` lists them all). */
export const CORE_EVENTS = {
  loginSucceeded: 'auth-token.login.succeeded',
  tokenRevoked: 'auth-token.token.revoked',
} as const;

/**
 * The client whose request caused an event, as far as the request told: its IP address, `User-Agent` and
 * `Accept-Language`. Null on events no request caused (a host's admin call, the purge job).
 */
export interface EventClient {
  ip: string | null;
  userAgent: string | null;
  acceptLanguage: string | null;
}

export interface LoginSucceededEvent {
  userId: UserId;
  tokenId: string;
  userAgent: string | null;
  client: EventClient | null;
}

export interface TokenRevokedEvent {
  userId: UserId;
  /** The revoked tokens' public ids; empty when all of the user's tokens went at once. */
  tokenIds: string[];
  reason: 'logout' | 'session' | 'all-sessions' | 'password-change' | 'password-reset' | 'limit' | 'leaked';
}

/**
 * Payload type of each event, by name. Each feature adds its events by augmenting this interface from its own
 * `<name>.events.ts`.
 */
export interface AuthTokenEventMap {
  [CORE_EVENTS.loginSucceeded]: LoginSucceededEvent;
  [CORE_EVENTS.tokenRevoked]: TokenRevokedEvent;
}

/** The client of an event from what a request gave (any part may be missing). */
export function eventClient(client?: {
  ip?: string | null;
  userAgent?: string | null;
  acceptLanguage?: string | null;
}): EventClient | null {
  if (!client) return null;
  return { ip: client.ip ?? null, userAgent: client.userAgent ?? null, acceptLanguage: client.acceptLanguage ?? null };
}
