import { createHash } from 'node:crypto';
import type { UserId } from '../../core/users/user-store.js';

/**
 * User verification (PIN, fingerprint, face) is asked for in every ceremony's options and demanded of every answer,
 * both from this one setting: a passkey that verified its user is two factors in itself, which is why a passkey
 * login needs no second step.
 */
export const USER_VERIFICATION = 'required' as const;

/** Whether answers without the user-verified flag are refused; derived from {@link USER_VERIFICATION}. */
export const REQUIRE_USER_VERIFICATION = USER_VERIFICATION === 'required';

/** COSE algorithms accepted for new passkeys: Ed25519, ES256 (which every authenticator supports) and RS256. */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257];

/** Seconds a challenge lives, which is also the ceremonies' timeout in the options. */
export const CHALLENGE_TTL = 300;

/**
 * The WebAuthn user handle of a user: a digest of its id, the same for every passkey of the user. It carries no
 * personal data, has a fixed length whatever the host's id type (a number, a uuid, a long string), and needs no
 * column: a login finds the passkey by its credential id and checks the handle against its owner's id.
 */
export const userHandleOf = (userId: UserId): Buffer<ArrayBuffer> =>
  createHash('sha256')
    .update(`nestjs-auth-token:passkey-user:${String(userId)}`)
    .digest();
