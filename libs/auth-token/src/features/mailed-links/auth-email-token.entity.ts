import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';

/** Name of the table holding e-mail confirmation and password-reset links. */
export const AUTH_EMAIL_TOKEN_TABLE = 'auth_email_token';

/** What a mailed link is for. */
export type EmailTokenPurpose = 'email-confirmation' | 'password-reset';

/**
 * A link sent by mail. Only a digest of its token is stored, with the address it went to: a link for an
 * address the user no longer has is void.
 */
export abstract class AuthEmailToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: EmailTokenPurpose;

  @Index('IDX_auth_email_token_digest', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  /** The address the link was sent to. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column()
  createdAt!: Date;

  @Column()
  expiresAt!: Date;
}

export type AuthEmailTokenWithUser<TUser extends object> = AuthEmailToken & { user?: TUser };

/** The AuthEmailToken entity bound to the host's User entity (ON DELETE CASCADE), one class per User entity. */
export function authEmailTokenEntityFor<TUser extends object>(
  userEntity: Type<TUser>,
): Type<AuthEmailTokenWithUser<TUser>> {
  return userBoundEntity(AuthEmailToken, AUTH_EMAIL_TOKEN_TABLE, userEntity);
}
