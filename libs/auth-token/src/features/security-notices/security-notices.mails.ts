import type { AuthTokenEventMap, EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';
import { API_TOKENS_EVENTS } from '../api-tokens/api-tokens.events.js';
import { LEAKED_TOKENS_EVENTS } from '../leaked-tokens/leaked-tokens.events.js';
import { PASSWORDS_EVENTS } from '../passwords/passwords.events.js';
import { TWO_FACTOR_EVENTS } from '../two-factor/two-factor.events.js';
import type { SecurityNoticeKind } from './security-notice.templates.js';
import { PASSKEYS_EVENTS } from '../passkeys/passkeys.events.js';

/** What an event needs to become a notice: the account, and, if a request caused it, its client. */
export interface NoticeableEvent {
  userId: UserId;
  client?: EventClient | null;
}

/** The notice to mail: its kind, and the name of the API token or passkey it is about. */
export interface SecurityNotice {
  kind: SecurityNoticeKind;
  name?: string | null;
  /** For a leaked token: whether it was an API token (named) or a login token. */
  leakedKind?: 'login' | 'api';
}

/** For each event that is mailed to the account's owner, the notice (null: none for this one). */
export type SecurityNoticeMails = {
  [K in keyof AuthTokenEventMap]?: AuthTokenEventMap[K] extends NoticeableEvent
    ? (event: AuthTokenEventMap[K]) => SecurityNotice | null
    : never;
};

/**
 * The events mailed to the account's owner, one line each: a new event that deserves a mail is one line more
 * (and a template in security-notice.templates.ts). The new-device notice is the login's own (see
 * SecurityNotices), as it depends on the devices the account used.
 */
export const SECURITY_NOTICE_MAILS: SecurityNoticeMails = {
  [PASSWORDS_EVENTS.passwordChanged]: ({ via }) => ({ kind: via === 'reset' ? 'passwordReset' : 'passwordChanged' }),
  [TWO_FACTOR_EVENTS.mfaEnabled]: () => ({ kind: 'mfaEnabled' }),
  [TWO_FACTOR_EVENTS.mfaDisabled]: () => ({ kind: 'mfaDisabled' }),
  [TWO_FACTOR_EVENTS.recoveryCodesRenewed]: () => ({ kind: 'recoveryCodesRenewed' }),
  [API_TOKENS_EVENTS.apiTokenCreated]: ({ name }) => ({ kind: 'apiTokenCreated', name }),
  [LEAKED_TOKENS_EVENTS.tokenLeaked]: ({ name, kind }) => ({ kind: 'tokenLeaked', name, leakedKind: kind }),
  [PASSKEYS_EVENTS.passkeyAdded]: ({ name }) => ({ kind: 'passkeyAdded', name }),
  [PASSKEYS_EVENTS.passkeyRemoved]: ({ name }) => ({ kind: 'passkeyRemoved', name }),
};
