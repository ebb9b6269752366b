import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The passwords feature's event names. */
export const PASSWORDS_EVENTS = {
  passwordChanged: 'auth-token.password.changed',
} as const;

export interface PasswordChangedEvent {
  userId: UserId;
  via: 'change' | 'reset';
  client: EventClient | null;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [PASSWORDS_EVENTS.passwordChanged]: PasswordChangedEvent;
  }
}
