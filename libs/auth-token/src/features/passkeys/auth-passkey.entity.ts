import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';

/** Name of the table holding passkeys. */
export const AUTH_PASSKEY_TABLE = 'auth_passkey';

/** PostgreSQL returns bigint as a string; a signature counter is a 32-bit unsigned number. */
const bigintNumber: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/** Transports (`internal`, `hybrid`, `usb`, ...), comma-separated. */
const transportList: ValueTransformer = {
  to: (transports: string[] | undefined) => (transports ?? []).join(','),
  from: (stored: string | null) => (stored ? stored.split(',') : []),
};

/**
 * A user's passkey (a WebAuthn credential): its credential id and public key (COSE), the signature counter last
 * seen, and what the authenticator said of it. Holds nothing secret: the private key never leaves the
 * authenticator.
 */
export abstract class AuthPasskey {
  /** Public handle for listing, renaming and deleting (a uuid); not the credential id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The credential id, base64url (at most 1023 bytes). */
  @Index('IDX_auth_passkey_credential', { unique: true })
  @Column({ type: 'varchar', length: 1400 })
  credentialId!: string;

  /** The COSE public key, base64url. */
  @Column({ type: 'text' })
  publicKey!: string;

  /** The signature counter of the last use; 0 for authenticators that keep none (synced passkeys). */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  counter!: number;

  @Column({ type: 'varchar', length: 200, default: '', transformer: transportList })
  transports!: string[];

  /** `singleDevice` or `multiDevice` (may be synced to the user's other devices). */
  @Column({ type: 'varchar', length: 16 })
  deviceType!: string;

  /** Whether the authenticator said the passkey is backed up (synced). */
  @Column({ type: 'boolean', default: false })
  backedUp!: boolean;

  /** The authenticator model's AAGUID (all zeros when not told). */
  @Column({ type: 'varchar', length: 36 })
  aaguid!: string;

  /** The user's name for it ("Laptop"). */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;
}

export type AuthPasskeyWithUser<TUser extends object> = AuthPasskey & { user?: TUser };

/** The AuthPasskey entity bound to the host's User entity (ON DELETE CASCADE), one class per User entity. */
export function authPasskeyEntityFor<TUser extends object>(userEntity: Type<TUser>): Type<AuthPasskeyWithUser<TUser>> {
  return userBoundEntity(AuthPasskey, AUTH_PASSKEY_TABLE, userEntity);
}
