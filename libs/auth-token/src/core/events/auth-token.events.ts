import type { UserId } from '../users/user-store.js';

/** Event names, for `@OnEvent(AUTH_TOKEN_EVENTS.loginFailed)` with @nestjs/event-emitter. */
export const AUTH_TOKEN_EVENTS = {
  loginSucceeded: 'auth-token.login.succeeded',
  loginFailed: 'auth-token.login.failed',
  logout: 'auth-token.logout',
  tokenRevoked: 'auth-token.token.revoked',
  userRegistered: 'auth-token.user.registered',
  emailConfirmed: 'auth-token.email.confirmed',
  passwordChanged: 'auth-token.password.changed',
  apiTokenCreated: 'auth-token.api-token.created',
  apiTokenRevoked: 'auth-token.api-token.revoked',
  apiTokenExpiring: 'auth-token.api-token.expiring',
  mfaEnabled: 'auth-token.mfa.enabled',
  mfaDisabled: 'auth-token.mfa.disabled',
  recoveryCodeUsed: 'auth-token.mfa.recovery-code-used',
} as const;

export interface LoginSucceededEvent {
  userId: UserId;
  tokenId: string;
  userAgent: string | null;
}

export interface LoginFailedEvent {
  /** The login name as typed (never the password). */
  username: string;
  reason: 'invalid-credentials' | 'email-not-confirmed' | 'second-factor';
}

export interface LogoutEvent {
  userId: UserId;
  tokenId: string;
}

export interface TokenRevokedEvent {
  userId: UserId;
  /** The revoked tokens' public ids; empty when all of the user's tokens went at once. */
  tokenIds: string[];
  reason: 'logout' | 'session' | 'all-sessions' | 'password-change' | 'password-reset' | 'limit';
}

export interface UserRegisteredEvent {
  userId: UserId;
  username: string;
}

export interface EmailConfirmedEvent {
  userId: UserId;
  email: string;
}

export interface PasswordChangedEvent {
  userId: UserId;
  via: 'change' | 'reset';
}

/** An API token was created (never the token itself). */
export interface ApiTokenCreatedEvent {
  userId: UserId;
  tokenId: string;
  name: string;
  scopes: string[];
  expiresAt: Date;
}

/** An API token was revoked by its owner or the host (`revoke`), not when it expired. */
export interface ApiTokenRevokedEvent {
  userId: UserId;
  tokenId: string;
  name: string;
}

/** Sent once per API token, by the purge job, seven days before it dies: time to mail its owner a reminder. */
export interface ApiTokenExpiringEvent {
  userId: UserId;
  tokenId: string;
  name: string;
  expiresAt: Date;
}

/** A second factor was turned on, or off (by its user, or by an admin through `MfaService.reset`). */
export interface MfaChangedEvent {
  userId: UserId;
}

/** A recovery code was spent to log in. */
export interface RecoveryCodeUsedEvent {
  userId: UserId;
  /** Unused codes left. */
  remaining: number;
}

/** Payload type of each event. */
export interface AuthTokenEventMap {
  [AUTH_TOKEN_EVENTS.loginSucceeded]: LoginSucceededEvent;
  [AUTH_TOKEN_EVENTS.loginFailed]: LoginFailedEvent;
  [AUTH_TOKEN_EVENTS.logout]: LogoutEvent;
  [AUTH_TOKEN_EVENTS.tokenRevoked]: TokenRevokedEvent;
  [AUTH_TOKEN_EVENTS.userRegistered]: UserRegisteredEvent;
  [AUTH_TOKEN_EVENTS.emailConfirmed]: EmailConfirmedEvent;
  [AUTH_TOKEN_EVENTS.passwordChanged]: PasswordChangedEvent;
  [AUTH_TOKEN_EVENTS.apiTokenCreated]: ApiTokenCreatedEvent;
  [AUTH_TOKEN_EVENTS.apiTokenRevoked]: ApiTokenRevokedEvent;
  [AUTH_TOKEN_EVENTS.apiTokenExpiring]: ApiTokenExpiringEvent;
  [AUTH_TOKEN_EVENTS.mfaEnabled]: MfaChangedEvent;
  [AUTH_TOKEN_EVENTS.mfaDisabled]: MfaChangedEvent;
  [AUTH_TOKEN_EVENTS.recoveryCodeUsed]: RecoveryCodeUsedEvent;
}

/** The payload of the event `AUTH_TOKEN_EVENTS[name]`, e.g. `AuthTokenEvent<'loginFailed'>`. */
export type AuthTokenEvent<TName extends keyof typeof AUTH_TOKEN_EVENTS> =
  AuthTokenEventMap[(typeof AUTH_TOKEN_EVENTS)[TName]];
