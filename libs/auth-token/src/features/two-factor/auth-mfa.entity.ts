import type { Type } from '@nestjs/common';
import { Column, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';

/** Name of the table holding second factors. */
export const AUTH_MFA_TABLE = 'auth_mfa';

/** PostgreSQL returns bigint as a string. */
const bigintNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
/** Digests of the unused recovery codes, space-separated. */
const digestList: ValueTransformer = {
  to: (digests: string[]) => digests.join(' '),
  from: (stored: string) => (stored ? stored.split(' ') : []),
};

/**
 * A user's TOTP second factor: the secret, encrypted (AES-256-GCM with `mfa.encryptionKey`, bound to the user),
 * whether it is on, the last time step used (a code is accepted once), and digests of the recovery codes.
 */
export abstract class AuthMfa {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url: never the secret itself. */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  /** When the factor was turned on with a valid code; null while set up but not enabled. */
  @Column({ type: Date, nullable: true })
  enabledAt!: Date | null;

  /** The last TOTP time step accepted (codes of it or earlier steps are refused). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  lastUsedStep!: number | null;

  @Column({ type: 'varchar', length: 1000, default: '', transformer: digestList })
  recoveryCodes!: string[];

  @Column()
  createdAt!: Date;
}

export type AuthMfaWithUser<TUser extends object> = AuthMfa & { user?: TUser };

/** The AuthMfa entity bound to the host's User entity (ON DELETE CASCADE), one class per User entity. */
export function authMfaEntityFor<TUser extends object>(userEntity: Type<TUser>): Type<AuthMfaWithUser<TUser>> {
  return userBoundEntity(AuthMfa, AUTH_MFA_TABLE, userEntity);
}
