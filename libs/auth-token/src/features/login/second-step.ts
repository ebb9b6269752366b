/** A proof the second step takes: a code of an authenticator app (or a recovery code), or a passkey. */
export type SecondFactorMethod = 'totp' | 'passkey';

/** What `POST /auth/login` answers for a user with a second step: the next step, not a token yet. */
export interface MfaChallenge {
  mfaRequired: true;
  /** Opens `POST /auth/login/mfa` (and nothing else) for 5 minutes, once. */
  mfaToken: string;
  /** The proofs this user can give: `totp`, and `passkey` when the user has one. */
  methods: SecondFactorMethod[];
}

/**
 * The seam after a right password: a feature that asks for more before a login token (the second factor, and
 * passkeys as one of its proofs) provides it, and login calls it for every user whose password was right.
 */
export abstract class SecondStep<TUser extends object = object> {
  /** The challenge for a user who has a second step, or null to log the user in at once. */
  abstract begin(user: TUser, client: { ip: string; userAgent?: string }): Promise<MfaChallenge | null>;
  /** Fields the step adds to `GET /auth/me` (such as `mfaEnabled`). */
  abstract describe(user: TUser): Promise<Record<string, unknown>>;
}
