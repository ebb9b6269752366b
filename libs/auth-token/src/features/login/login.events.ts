import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The login feature's event names. */
export const LOGIN_EVENTS = {
  loginFailed: 'auth-token.login.failed',
  logout: 'auth-token.logout',
} as const;

export interface LoginFailedEvent {
  /** The login name as typed (never the password); for a refused passkey, its owner's login name. */
  username: string;
  /** The account the name found, or null when no account has that name. */
  userId: UserId | null;
  reason: 'invalid-credentials' | 'email-not-confirmed' | 'second-factor' | 'passkey';
  client: EventClient | null;
}

export interface LogoutEvent {
  userId: UserId;
  tokenId: string;
  client: EventClient | null;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [LOGIN_EVENTS.loginFailed]: LoginFailedEvent;
    [LOGIN_EVENTS.logout]: LogoutEvent;
  }
}
