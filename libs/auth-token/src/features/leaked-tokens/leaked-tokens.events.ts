import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The leaked-tokens feature's event names. */
export const LEAKED_TOKENS_EVENTS = {
  tokenLeaked: 'auth-token.token.leaked',
} as const;

/** A live token was reported as found where others can see it, and revoked (never the token itself). */
export interface TokenLeakedEvent {
  userId: UserId;
  tokenId: string;
  kind: 'login' | 'api';
  /** An API token's name; null for a login token. */
  name: string | null;
  /** Who told: a signed secret-scanning report (`POST /auth/tokens/leaked`), or anyone (`POST /auth/tokens/revoke`). */
  reportedBy: 'secret-scanning' | 'revocation-request';
  /** Where the report says the token was found (GitHub's `url`), when it says. */
  foundAt: string | null;
  /** The client that sent the report. */
  client: EventClient | null;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [LEAKED_TOKENS_EVENTS.tokenLeaked]: TokenLeakedEvent;
  }
}
