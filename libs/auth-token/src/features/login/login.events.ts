import { eventClient, type EventClient } from '../../core/events/auth-token.events.js';
import type { UserId, UserStore } from '../../core/users/user-store.js';

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

/** The `loginFailed` payload of a refused attempt on the known account `user` (its login name, its id). */
export function accountLoginFailure<TUser extends object>(
  users: UserStore<TUser>,
  user: TUser,
  reason: LoginFailedEvent['reason'],
  client: Parameters<typeof eventClient>[0],
): LoginFailedEvent {
  return { username: users.getLogin(user), userId: users.getId(user), reason, client: eventClient(client) };
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
