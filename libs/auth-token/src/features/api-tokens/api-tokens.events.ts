import type { EventClient } from '../../core/events/auth-token.events.js';
import type { UserId } from '../../core/users/user-store.js';

/** The api-tokens feature's event names. */
export const API_TOKENS_EVENTS = {
  apiTokenCreated: 'auth-token.api-token.created',
  apiTokenRevoked: 'auth-token.api-token.revoked',
  apiTokenExpiring: 'auth-token.api-token.expiring',
} as const;

/** An API token was created (never the token itself). */
export interface ApiTokenCreatedEvent {
  userId: UserId;
  tokenId: string;
  name: string;
  scopes: string[];
  expiresAt: Date;
  client: EventClient | null;
}

/** An API token was revoked by its owner or the host (`revoke`), not when it expired. */
export interface ApiTokenRevokedEvent {
  userId: UserId;
  tokenId: string;
  name: string;
  client: EventClient | null;
}

/** Sent once per API token, by the purge job, seven days before it dies: time to mail its owner a reminder. */
export interface ApiTokenExpiringEvent {
  userId: UserId;
  tokenId: string;
  name: string;
  expiresAt: Date;
}

declare module '../../core/events/auth-token.events.js' {
  interface AuthTokenEventMap {
    [API_TOKENS_EVENTS.apiTokenCreated]: ApiTokenCreatedEvent;
    [API_TOKENS_EVENTS.apiTokenRevoked]: ApiTokenRevokedEvent;
    [API_TOKENS_EVENTS.apiTokenExpiring]: ApiTokenExpiringEvent;
  }
}
