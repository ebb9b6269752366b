import type { UserId } from '../users/user-store.js';

/** The core's event names (the features add theirs; `AUTH_TOKEN_EVENTS` lists them all). */
export const CORE_EVENTS = {
  loginSucceeded: 'auth-token.login.succeeded',
  tokenRevoked: 'auth-token.token.revoked',
} as const;

export interface LoginSucceededEvent {
  userId: UserId;
  tokenId: string;
  userAgent: string | null;
}

export interface TokenRevokedEvent {
  userId: UserId;
  /** The revoked tokens' public ids; empty when all of the user's tokens went at once. */
  tokenIds: string[];
  reason: 'logout' | 'session' | 'all-sessions' | 'password-change' | 'password-reset' | 'limit';
}

/**
 * Payload type of each event, by name. Each feature adds its events by augmenting this interface from its own
 * `<name>.events.ts`.
 */
export interface AuthTokenEventMap {
  [CORE_EVENTS.loginSucceeded]: LoginSucceededEvent;
  [CORE_EVENTS.tokenRevoked]: TokenRevokedEvent;
}
