import unhomoglyph from 'unhomoglyph';
import { canonicalUsername } from './username.js';

/**
 * The UTS #39 confusable skeleton of a username, taken of its canonical form (so `ADMIN` and `admin` share
 * one): NFD, each character replaced by its prototype in Unicode's confusables.txt (13.0, through the
 * `unhomoglyph` package), NFD again. `ɑdmin` and `admin` have the same skeleton, `adrnin`. Store it in a column
 * with a unique index (`usernameSkeleton`), so the database refuses the second of two look-alike names.
 */
export function usernameSkeleton(username: string): string {
  return unhomoglyph(canonicalUsername(username).normalize('NFD')).normalize('NFD');
}
