import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The two-factor feature's event names. */
export const TWO_FACTOR_EVENTS = {
  mfaEnabled: 'auth-token.mfa.enabled',
  mfaDisabled: 'auth-token.mfa.disabled',
  recoveryCodeUsed: 'auth-token.mfa.recovery-code-used',
  recoveryCodesRenewed: 'auth-token.mfa.recovery-codes-renewed',
} as const;

/**
 * A second factor was turned on, or off (by its user, or by an admin through `MfaService.reset`), or its
 * recovery codes were replaced by ten new ones. `client` is null for an admin's call.
 */
export interface MfaChangedEvent {
  userId: UserId;
  client: EventClient | null;
}

/** A recovery code was spent to log in. */
export interface RecoveryCodeUsedEvent {
  userId: UserId;
  /** Unused codes left. */
  remaining: number;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [TWO_FACTOR_EVENTS.mfaEnabled]: MfaChangedEvent;
    [TWO_FACTOR_EVENTS.mfaDisabled]: MfaChangedEvent;
    [TWO_FACTOR_EVENTS.recoveryCodeUsed]: RecoveryCodeUsedEvent;
    [TWO_FACTOR_EVENTS.recoveryCodesRenewed]: MfaChangedEvent;
  }
}
