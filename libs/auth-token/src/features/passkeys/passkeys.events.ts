import type { UserId } from '../../core/users/user-store.js';

/** The passkeys feature's event names. */
export const PASSKEYS_EVENTS = {
  passkeyAdded: 'auth-token.passkey.added',
  passkeyRemoved: 'auth-token.passkey.removed',
  passkeyUsed: 'auth-token.passkey.used',
} as const;

/** A passkey was added to an account, or removed from it. */
export interface PasskeyChangedEvent {
  userId: UserId;
  /** The passkey's public id (not its credential id). */
  passkeyId: string;
  name: string;
}

/** A passkey proved its user: a login, the second step of a login, or a re-authentication. */
export interface PasskeyUsedEvent extends PasskeyChangedEvent {
  ceremony: 'login' | 'mfa' | 'reauthenticate';
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [PASSKEYS_EVENTS.passkeyAdded]: PasskeyChangedEvent;
    [PASSKEYS_EVENTS.passkeyRemoved]: PasskeyChangedEvent;
    [PASSKEYS_EVENTS.passkeyUsed]: PasskeyUsedEvent;
  }
}
