/** What registration accepts as a username: 1-150 letters, digits and `@ . + - _` of any script (as Django). */
export const USERNAME_PATTERN = /^[\p{L}\p{N}@.+\-_]{1,150}$/u;

/** The form a username is stored and compared in: Unicode NFKC, so look-alike compositions are one name. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC');
}
