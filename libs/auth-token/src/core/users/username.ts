import { CORE_MESSAGES } from '../errors/core.messages.js';

/** What registration accepts as a username: 1-150 letters, digits and `@ . + - _` of any script (as Django). */
export const USERNAME_PATTERN = /^[\p{L}\p{N}@.+\-_]{1,150}$/u;

/** Control characters, and code points that render as nothing (U+200B, U+3164 HANGUL FILLER, U+115F, ...). */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/** The form a username is stored in: Unicode NFKC, so look-alike compositions are one name. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC');
}

/**
 * The form usernames are compared in: NFKC, then full case folding, then NFKC again (so `ｊｏｈｎ`, `JOHN`
 * and `john` are one name, and `Straße` is `strasse`). Folding is done per character (upper, then lower
 * case), which also avoids context rules such as Greek final sigma. Store it in a column with a unique index
 * (`canonicalUsername`), so the database decides races between look-alike names on SQLite as on PostgreSQL.
 */
export function canonicalUsername(username: string): string {
  let folded = '';
  for (const character of username.normalize('NFKC')) folded += character.toUpperCase().toLowerCase();
  return folded.normalize('NFKC');
}

/** Why a (normalized) username cannot be registered, or null when it can. */
export function usernameProblem(username: string): string | null {
  if (INVISIBLE.test(username)) return CORE_MESSAGES.usernameInvisible;
  if (!USERNAME_PATTERN.test(username)) return CORE_MESSAGES.usernameInvalid;
  return null;
}
