import { CORE_EVENTS, type AuthTokenEventMap, type EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';
import { API_TOKENS_EVENTS } from '../api-tokens/api-tokens.events.js';
import { LEAKED_TOKENS_EVENTS } from '../leaked-tokens/leaked-tokens.events.js';
import { LOGIN_EVENTS } from '../login/login.events.js';
import { PASSWORDS_EVENTS } from '../passwords/passwords.events.js';
import { REAUTHENTICATION_EVENTS } from '../reauthentication/reauthentication.events.js';
import { SESSIONS_EVENTS } from '../sessions/sessions.events.js';
import { TWO_FACTOR_EVENTS } from '../two-factor/two-factor.events.js';
import type { SecurityEventType } from './security-event-type.js';
import { PASSKEYS_EVENTS } from '../passkeys/passkeys.events.js';

/** What an event needs to become a log entry: the account (null: none, no entry) and, if a request caused it, its client. */
export interface LoggableEvent {
  userId: UserId | null;
  client?: EventClient | null;
}

/** For each event that the security log records, the type of its entry (null: no entry for this one). */
export type SecurityLogEntries = {
  [K in keyof AuthTokenEventMap]?: AuthTokenEventMap[K] extends LoggableEvent
    ? (event: AuthTokenEventMap[K]) => SecurityEventType | null
    : never;
};

/** The events the security log records, one line each: a new event that belongs in the log is one line more. */
export const SECURITY_LOG_ENTRIES: SecurityLogEntries = {
  [CORE_EVENTS.loginSucceeded]: () => 'login',
  [LOGIN_EVENTS.loginFailed]: () => 'login_failed',
  [LOGIN_EVENTS.logout]: () => 'logout',
  [REAUTHENTICATION_EVENTS.reauthenticated]: () => 'reauthenticated',
  [PASSWORDS_EVENTS.passwordChanged]: ({ via }) => (via === 'reset' ? 'password_reset' : 'password_changed'),
  [TWO_FACTOR_EVENTS.mfaEnabled]: () => 'mfa_enabled',
  [TWO_FACTOR_EVENTS.mfaDisabled]: () => 'mfa_disabled',
  [TWO_FACTOR_EVENTS.recoveryCodesRenewed]: () => 'recovery_codes_renewed',
  [API_TOKENS_EVENTS.apiTokenCreated]: () => 'api_token_created',
  [API_TOKENS_EVENTS.apiTokenRevoked]: () => 'api_token_revoked',
  [SESSIONS_EVENTS.sessionsRevoked]: () => 'sessions_revoked',
  [LEAKED_TOKENS_EVENTS.tokenLeaked]: () => 'token_leaked',
  [PASSKEYS_EVENTS.passkeyAdded]: () => 'passkey_added',
  [PASSKEYS_EVENTS.passkeyRemoved]: () => 'passkey_removed',
};
