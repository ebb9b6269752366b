import type { AuthenticatedToken, AuthToken } from '../../core/tokens/auth-token.entity.js';
import { LookupCache } from '../../core/revocation/lookup-cache.js';
import type { RevocationNotice } from '../../core/revocation/revocation-notice.js';

interface Entry<TUser extends object> {
  token: AuthToken;
  user: TUser;
  userKey: string;
  cachedAt: number;
}

export interface TokenCacheSettings<TUser extends object> {
  /** How long an entry may be served; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  userIdOf: (user: TUser) => unknown;
  /** Start suspended (serving nothing) until {@link TokenCache.resume}: on PostgreSQL, until the listener is up. */
  suspended: boolean;
}

/**
 * The optional in-process cache of authenticated tokens, by digest (`tokens.cacheTtl`, off by default). A hit
 * skips the database. Revocations drop their entries: this process's at once, other instances' when their
 * notice arrives (PostgreSQL NOTIFY, see RevocationFeed). While the listener is down the cache is
 * suspended: it serves and keeps nothing. Changes made behind the library's back are seen only when the entry
 * is older than `ttlMs`.
 */
export class TokenCache<TUser extends object = object> extends LookupCache<TUser> {
  readonly enabled: boolean;
  private readonly entries = new Map<string, Entry<TUser>>();
  private readonly digestsByTokenId = new Map<string, string>();
  private readonly digestsByUser = new Map<string, Set<string>>();
  private suspended: boolean;
  /**
   * Moves on every drop. A lookup notes it before asking the database and stores its answer only if it has not
   * moved since: a revocation that lands while the query is in flight must not be undone by its stale answer.
   */
  private generation = 0;

  constructor(private readonly settings: TokenCacheSettings<TUser>) {
    super();
    this.enabled = settings.ttlMs > 0;
    this.suspended = settings.suspended;
  }

  /** A copy of the cached token and user (callers may change them), or undefined when absent, too old or suspended. */
  get(digest: string, now: number): AuthenticatedToken<TUser> | undefined {
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.settings.ttlMs) {
      this.remove(digest);
      return undefined;
    }
    const user = Object.assign(Object.create(Object.getPrototypeOf(entry.user) as object | null) as TUser, entry.user);
    return { token: entry.token, user };
  }

  /** The mark to pass to {@link set} with what a database lookup started now returns. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a looked-up token and user, unless the cache is off or suspended, or anything was dropped since `mark`. */
  set(digest: string, token: AuthToken, user: TUser, now: number, mark: number): void {
    if (!this.enabled || this.suspended || mark !== this.generation) return;
    this.remove(digest);
    if (this.entries.size >= this.settings.maxEntries) this.remove(this.entries.keys().next().value as string);
    const userKey = String(this.settings.userIdOf(user));
    this.entries.set(digest, { token, user, userKey, cachedAt: now });
    this.digestsByTokenId.set(token.id, digest);
    let digests = this.digestsByUser.get(userKey);
    if (!digests) this.digestsByUser.set(userKey, (digests = new Set()));
    digests.add(digest);
  }

  /** Drops what a revocation names (made here or announced by another instance). */
  apply(notice: RevocationNotice): void {
    this.generation += 1;
    if ('tokenIds' in notice) {
      for (const id of notice.tokenIds) {
        const digest = this.digestsByTokenId.get(id);
        if (digest !== undefined) this.remove(digest);
      }
    } else if ('userId' in notice) {
      for (const digest of this.digestsByUser.get(String(notice.userId)) ?? []) this.remove(digest);
    } else if ('expiredBefore' in notice) {
      for (const [digest, entry] of this.entries)
        if (entry.token.expiresAt.getTime() <= notice.expiredBefore) this.remove(digest);
    } else {
      this.clear();
    }
  }

  /** Serves and keeps nothing until {@link resume}: revocations may be missed meanwhile. */
  suspend(): void {
    this.suspended = true;
    this.generation += 1;
    this.clear();
  }

  resume(): void {
    this.suspended = false;
  }

  get isSuspended(): boolean {
    return this.suspended;
  }

  private clear(): void {
    this.entries.clear();
    this.digestsByTokenId.clear();
    this.digestsByUser.clear();
  }

  private remove(digest: string): void {
    const entry = this.entries.get(digest);
    if (!entry) return;
    this.entries.delete(digest);
    this.digestsByTokenId.delete(entry.token.id);
    const digests = this.digestsByUser.get(entry.userKey);
    digests?.delete(digest);
    if (digests?.size === 0) this.digestsByUser.delete(entry.userKey);
  }
}
