import type { AuthToken } from './auth-token.entity.js';

interface Entry<TUser extends object> {
  token: AuthToken;
  user: TUser;
  cachedAt: number;
}

/**
 * An optional in-process cache of authenticated tokens, by digest (`tokens.cacheTtl`, off by default). A hit
 * skips the database. Revocations made through this process drop their entries at once; a revocation made by
 * another instance (or a user deactivated directly in the database) is seen here only when the entry is older
 * than `ttlMs`: that is the bound across instances.
 */
export class TokenCache<TUser extends object> {
  private readonly entries = new Map<string, Entry<TUser>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly userIdOf: (user: TUser) => unknown,
  ) {}

  /** A copy of the cached token and user (callers may change them), or undefined when absent or too old. */
  get(digest: string, now: number): { token: AuthToken; user: TUser } | undefined {
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.ttlMs) {
      this.entries.delete(digest);
      return undefined;
    }
    const user = Object.assign(Object.create(Object.getPrototypeOf(entry.user)) as TUser, entry.user);
    return { token: entry.token, user };
  }

  set(digest: string, token: AuthToken, user: TUser, now: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(digest, { token, user, cachedAt: now });
  }

  /** Drops the token with this public id. */
  dropToken(tokenId: string): void {
    for (const [digest, entry] of this.entries) if (entry.token.id === tokenId) this.entries.delete(digest);
  }

  /** Drops every token of the user whose id is `userId`. */
  dropUser(userId: unknown): void {
    for (const [digest, entry] of this.entries) if (this.userIdOf(entry.user) === userId) this.entries.delete(digest);
  }
}
