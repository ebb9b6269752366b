import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { userBoundEntity } from '../users/user-bound-entity.js';

/**
 * A login token (interactive session: slides, listed in sessions), an API token (named, scoped, fixed expiry),
 * or a second-factor challenge (`mfaToken`: accepted only by `POST /auth/login/mfa`).
 */
export type AuthTokenKind = 'login' | 'api' | 'mfa';

/** Scopes stored space-separated, as in OAuth's `scope` parameter; null for a login token (every scope). */
const scopeList: ValueTransformer = {
  to: (scopes: string[] | null | undefined) => (scopes ? scopes.join(' ') : null),
  from: (stored: string | null) => (stored === null ? null : stored.split(' ').filter(Boolean)),
};

/** Name of the table holding the tokens. */
export const AUTH_TOKEN_TABLE = 'auth_token';

/**
 * One issued token (one login on one device). Only a digest of the token is stored; `id` is a public,
 * non-secret handle for listing and revoking. The concrete entity, whose `user` relation points at the
 * host's User entity, is made by {@link authTokenEntityFor}.
 */
export abstract class AuthToken {
  /** Public identifier (a uuid); not a secret. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Hex SHA-256 (or HMAC-SHA-256 with a pepper) of the token. */
  @Index('IDX_auth_token_digest', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  @Column()
  createdAt!: Date;

  @Column()
  expiresAt!: Date;

  /**
   * When the token was last used, to within `tokens.touchInterval`; a login counts as a use, an API token
   * starts unused (null).
   */
  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;

  /** `login`, `api` or `mfa`. */
  @Column({ type: 'varchar', length: 8, default: 'login' })
  kind!: AuthTokenKind;

  /** An API token's name, chosen by its owner ("CI deploy"); null for a login token. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  /** An API token's scopes; null for a login token, which carries every scope. */
  @Column({ type: 'varchar', length: 2000, nullable: true, transformer: scopeList })
  scopes!: string[] | null;

  /** When the `apiTokenExpiring` event went out for this API token (once, seven days before it dies). */
  @Column({ type: Date, nullable: true })
  expiryNoticeAt!: Date | null;

  /** The `User-Agent` of the login request, cut to 512 characters. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  /** The client's IP address at login (null when `tokens.recordIp` is off). */
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  /**
   * When the user last proved who they are on this login token: at login (password, second factor) and at each
   * `POST /auth/reauthenticate`. Creating a credential needs it within `reauthentication.window`. Null for other
   * kinds.
   */
  @Column({ type: Date, nullable: true })
  authenticatedAt!: Date | null;

  /** Wrong codes given with a second-factor challenge (`mfa` kind); the challenge dies at the fifth. */
  @Column({ type: 'integer', default: 0 })
  failures!: number;
}

/** The entity as stored: an {@link AuthToken} with its owner, loaded only where the library needs it. */
/** A token and its owner: one that authenticated a request, or a lookup's answer. */
export interface AuthenticatedToken<TUser extends object = object> {
  user: TUser;
  token: AuthToken;
}

export type AuthTokenWithUser<TUser extends object> = AuthToken & { user?: TUser };

/**
 * The AuthToken entity bound to the host's User entity: `userId` is a foreign key to the user's table with
 * ON DELETE CASCADE, so deleting a user deletes its tokens. Always returns the same class for one User entity.
 */
export function authTokenEntityFor<TUser extends object>(userEntity: Type<TUser>): Type<AuthTokenWithUser<TUser>> {
  return userBoundEntity(AuthToken, AUTH_TOKEN_TABLE, userEntity);
}
