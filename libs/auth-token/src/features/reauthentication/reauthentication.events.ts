import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The reauthentication feature's event names. */
export const REAUTHENTICATION_EVENTS = {
  reauthenticated: 'auth-token.reauthenticated',
} as const;

/** A signed-in user proved again who they are (`POST /auth/reauthenticate`). */
export interface ReauthenticatedEvent {
  userId: UserId;
  /** The login token the proof was recorded on. */
  tokenId: string;
  /** What proved it. */
  method: 'password' | 'totp' | 'passkey';
  client: EventClient | null;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [REAUTHENTICATION_EVENTS.reauthenticated]: ReauthenticatedEvent;
  }
}
