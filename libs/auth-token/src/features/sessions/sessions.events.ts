import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The sessions feature's event names. */
export const SESSIONS_EVENTS = {
  sessionsRevoked: 'auth-token.sessions.revoked',
} as const;

/** A user logged out everywhere (`DELETE /auth/sessions`): every login token and pending second step ended. */
export interface SessionsRevokedEvent {
  userId: UserId;
  /** How many tokens ended. */
  revoked: number;
  client: EventClient | null;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [SESSIONS_EVENTS.sessionsRevoked]: SessionsRevokedEvent;
  }
}
