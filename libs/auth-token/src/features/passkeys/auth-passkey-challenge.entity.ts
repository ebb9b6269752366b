import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';

/** Name of the table holding passkey challenges. */
export const AUTH_PASSKEY_CHALLENGE_TABLE = 'auth_passkey_challenge';

/** What a challenge was made for: adding a passkey, a passwordless login, a login's second step, sudo mode. */
export type PasskeyCeremony = 'register' | 'login' | 'mfa' | 'reauthenticate';

/**
 * A WebAuthn challenge handed out with ceremony options. Bearer-token clients keep no cookie, so the challenge
 * is kept here and the client names it by `id` (its `challengeId`); it serves its own ceremony only, lives five
 * minutes, and is deleted by its first use. A login's challenge has no user yet.
 */
export abstract class AuthPasskeyChallenge {
  /** The `challengeId` given to the client (a uuid). */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The random challenge, base64url: not secret (it is in the options), only single-use. */
  @Column({ type: 'varchar', length: 64 })
  challenge!: string;

  @Column({ type: 'varchar', length: 16 })
  ceremony!: PasskeyCeremony;

  @Column()
  createdAt!: Date;

  @Index('IDX_auth_passkey_challenge_expires')
  @Column()
  expiresAt!: Date;
}

export type AuthPasskeyChallengeWithUser<TUser extends object> = AuthPasskeyChallenge & { user?: TUser | null };

/** The AuthPasskeyChallenge entity bound to the host's User entity (optional; ON DELETE CASCADE). */
export function authPasskeyChallengeEntityFor<TUser extends object>(
  userEntity: Type<TUser>,
): Type<AuthPasskeyChallengeWithUser<TUser>> {
  return userBoundEntity(AuthPasskeyChallenge, AUTH_PASSKEY_CHALLENGE_TABLE, userEntity, { optional: true });
}
