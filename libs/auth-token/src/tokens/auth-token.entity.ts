import type { Type } from '@nestjs/common';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

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

}

/** The entity as stored: an {@link AuthToken} with its owner, loaded only where the library needs it. */
export type AuthTokenWithUser<TUser extends object> = AuthToken & { user?: TUser };

const entities = new WeakMap<Type<object>, Type<AuthToken>>();

/**
 * The AuthToken entity bound to the host's User entity: `userId` is a foreign key to the user's table with
 * ON DELETE CASCADE, so deleting a user deletes its tokens. Always returns the same class for one User entity;
 * list it in your DataSource's `entities` unless you use `autoLoadEntities`.
 */
export function authTokenEntityFor<TUser extends object>(userEntity: Type<TUser>): Type<AuthTokenWithUser<TUser>> {
  const known = entities.get(userEntity);
  if (known) return known as Type<AuthTokenWithUser<TUser>>;

  @Entity(AUTH_TOKEN_TABLE)
  class AuthTokenEntity extends AuthToken {
    @ManyToOne(() => userEntity, { onDelete: 'CASCADE', nullable: false })
    @JoinColumn({ name: 'userId' })
    @Index('IDX_auth_token_user')
    user?: TUser;
  }
  entities.set(userEntity, AuthTokenEntity);
  return AuthTokenEntity;
}
