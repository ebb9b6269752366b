import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionAuthentication } from '../../core/guard/connection-authentication.js';
import { RevocationFeed } from '../../core/revocation/revocation-feed.js';
import type { RevocationNotice } from '../../core/revocation/revocation-notice.js';
import { Clock } from '../../core/time/clock.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { UserStore } from '../../core/users/user-store.js';

/** How a live connection is ended, and told of a fresher copy of its token (its expiry slid, say). */
export interface LiveConnectionHooks {
  close(): void;
  refreshed?(auth: ConnectionAuthentication): void;
}

interface Entry {
  auth: ConnectionAuthentication;
  userKey: string;
  hooks: LiveConnectionHooks;
  timer?: NodeJS.Timeout;
}

/** setTimeout's longest delay (about 24.8 days); a later expiry is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Wait before checking again after the database failed a check. */
const RETRY_MS = 1_000;

/**
 * The connections that outlive a request (WebSockets, GraphQL subscriptions) and the tokens they opened with.
 * A revocation notice naming a token, its user, an expiry or everything, made here or on another instance,
 * makes the named connections' tokens be checked again in the database, in one query; a connection whose token
 * is gone, expired or whose user is no longer active is closed. Each connection is also checked at its token's
 * expiry, which may have slid meanwhile through HTTP use. The feed is subscribed to only while a connection is
 * open; when it comes back after its connection to PostgreSQL dropped, every connection is checked.
 */
@Injectable()
export class LiveConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private readonly byToken = new Map<string, Set<Entry>>();
  private readonly byUser = new Map<string, Set<Entry>>();
  private readonly due = new Set<string>();
  private unsubscribe?: () => void;
  private scheduled = false;
  private checking: Promise<void> = Promise.resolve();
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly feed: RevocationFeed,
    private readonly tokens: TokenService,
    private readonly users: UserStore,
    private readonly clock: Clock,
  ) {}

  /** How many connections are open. */
  get size(): number {
    let size = 0;
    for (const entries of this.byToken.values()) size += entries.size;
    return size;
  }

  /**
   * The feed's count of notices, to take before checking the token a connection will open with and pass to
   * {@link add}: a notice in between makes `add` check the token again.
   */
  mark(): number {
    return this.feed.count;
  }

  /**
   * Watches a connection opened with `auth` (as `TokenService.authenticate` returned it, taken after
   * {@link mark}). Returns the function to call when the connection closes.
   */
  add(auth: ConnectionAuthentication, hooks: LiveConnectionHooks, mark: number): () => void {
    const entry: Entry = { auth, hooks, userKey: String(this.users.getId(auth.user)) };
    this.index(this.byToken, auth.token.id, entry);
    this.index(this.byUser, entry.userKey, entry);
    this.schedule(entry);
    this.unsubscribe ??= this.feed.subscribe({
      notice: (notice) => this.noticed(notice),
      reach: (listening) => {
        if (listening) this.checkAll();
      },
    });
    if (this.feed.count !== mark) this.check([auth.token.id]);
    return () => this.remove(entry);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
    for (const entries of this.byToken.values()) for (const entry of entries) clearTimeout(entry.timer);
    this.byToken.clear();
    this.byUser.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private noticed(notice: RevocationNotice): void {
    if ('tokenIds' in notice) {
      this.check(notice.tokenIds.filter((id) => this.byToken.has(id)));
    } else if ('userId' in notice) {
      this.check([...(this.byUser.get(String(notice.userId)) ?? [])].map((entry) => entry.auth.token.id));
    } else if ('expiredBefore' in notice) {
      const expired: string[] = [];
      for (const [id, entries] of this.byToken)
        for (const entry of entries) if (entry.auth.token.expiresAt.getTime() <= notice.expiredBefore) expired.push(id);
      this.check(expired);
    } else {
      this.checkAll();
    }
  }

  private checkAll(): void {
    this.check([...this.byToken.keys()]);
  }

  /** Checks these tokens soon, together with any other due in the same turn. */
  private check(tokenIds: readonly string[]): void {
    for (const id of tokenIds) this.due.add(id);
    if (this.due.size === 0 || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.checking = this.checking.then(() => this.checkDue());
    });
  }

  private async checkDue(): Promise<void> {
    const ids = [...this.due].filter((id) => this.byToken.has(id));
    this.due.clear();
    if (ids.length === 0) return;
    let live: Awaited<ReturnType<TokenService['findLive']>>;
    try {
      live = await this.tokens.findLive(ids);
    } catch (error) {
      // The database cannot say: keep the connections and ask again (a revoked token is seen then).
      this.logger.warn(
        `Could not check the tokens of live connections, trying again: ${error instanceof Error ? error.message : String(error)}`,
      );
      for (const id of ids) this.due.add(id);
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.check([]), RETRY_MS);
      this.retry.unref();
      return;
    }
    for (const id of ids) {
      const found = live.get(id);
      for (const entry of [...(this.byToken.get(id) ?? [])]) {
        if (!found) {
          this.remove(entry);
          entry.hooks.close();
          continue;
        }
        entry.auth.user = found.user;
        entry.auth.token = found.token;
        entry.hooks.refreshed?.(entry.auth);
        this.schedule(entry);
      }
    }
  }

  /** A check at the token's expiry (which may have slid by then). */
  private schedule(entry: Entry): void {
    clearTimeout(entry.timer);
    const delay = entry.auth.token.expiresAt.getTime() - this.clock.now().getTime();
    entry.timer = setTimeout(() => this.check([entry.auth.token.id]), Math.min(Math.max(delay, 0), MAX_TIMER_MS));
    entry.timer.unref();
  }

  private remove(entry: Entry): void {
    clearTimeout(entry.timer);
    this.unindex(this.byToken, entry.auth.token.id, entry);
    this.unindex(this.byUser, entry.userKey, entry);
    if (this.byToken.size === 0) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    }
  }

  private index(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
    let entries = map.get(key);
    if (!entries) map.set(key, (entries = new Set()));
    entries.add(entry);
  }

  private unindex(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
    const entries = map.get(key);
    entries?.delete(entry);
    if (entries?.size === 0) map.delete(key);
  }
}
