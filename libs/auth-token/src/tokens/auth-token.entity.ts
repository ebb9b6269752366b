import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn } from 'typeorm';
import { userBoundEntity } from '../users/user-bound-entity.js';

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

  /** When the token was last used, to within `tokens.touchInterval`; the login counts as a use. */
  @Column({ type: Date })
  lastUsedAt!: Date;

  /** The `User-Agent` of the login request, cut to 512 characters. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  /** The client's IP address at login (null when `tokens.recordIp` is off). */
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;
}

/** The entity as stored: an {@link AuthToken} with its owner, loaded only where the library needs it. */
export type AuthTokenWithUser<TUser extends object> = AuthToken & { user?: TUser };

/**
 * The AuthToken entity bound to the host's User entity: `userId` is a foreign key to the user's table with
 * ON DELETE CASCADE, so deleting a user deletes its tokens. Always returns the same class for one User entity.
 */
export function authTokenEntityFor<TUser extends object>(userEntity: Type<TUser>): Type<AuthTokenWithUser<TUser>> {
  return userBoundEntity(AuthToken, AUTH_TOKEN_TABLE, userEntity);
}
