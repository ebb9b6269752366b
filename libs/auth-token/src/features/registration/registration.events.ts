import type { UserId } from '../../core/users/user-store.js';

/** The registration feature's event names. */
export const REGISTRATION_EVENTS = {
  userRegistered: 'auth-token.user.registered',
  emailConfirmed: 'auth-token.email.confirmed',
} as const;

export interface UserRegisteredEvent {
  userId: UserId;
  username: string;
}

export interface EmailConfirmedEvent {
  userId: UserId;
  email: string;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [REGISTRATION_EVENTS.userRegistered]: UserRegisteredEvent;
    [REGISTRATION_EVENTS.emailConfirmed]: EmailConfirmedEvent;
  }
}
