/**
 * Hashes and verifies passwords. The default is {@link ScryptPasswordHasher}; provide your own through the
 * `passwordHasher` option (e.g. to verify hashes imported from another system).
 */
export abstract class PasswordHasher {
  /** A self-describing hash string of `password` (algorithm, parameters, salt and digest). */
  abstract hash(password: string): Promise<string>;
  /** Whether `password` matches `hash`, compared in constant time. A malformed hash never matches. */
  abstract verify(password: string, hash: string): Promise<boolean>;
  /** Whether `hash` was made with other parameters than the current ones and should be replaced. */
  abstract needsRehash(hash: string): boolean;
}
