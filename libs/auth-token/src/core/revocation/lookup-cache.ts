import type { AuthenticatedToken, AuthToken } from '../tokens/auth-token.entity.js';
import type { RevocationNotice } from './revocation-notice.js';

/**
 * Where checked tokens may be kept between requests: the seam the token-cache feature fills. The core asks it
 * before the database, stores what the database answered, and hands it every revocation notice.
 */
export abstract class LookupCache<TUser extends object = object> {
  /** The cached token and user, or undefined. */
  abstract get(digest: string, now: number): AuthenticatedToken<TUser> | undefined;
  /** A mark taken before a database lookup starts, passed back to {@link set} with its answer. */
  abstract mark(): number;
  /** Keeps the answer of a lookup started at `mark`, unless a revocation came in between. */
  abstract set(digest: string, token: AuthToken, user: TUser, now: number, mark: number): void;
  /** Drops what a revocation notice names. */
  abstract apply(notice: RevocationNotice): void;
}
