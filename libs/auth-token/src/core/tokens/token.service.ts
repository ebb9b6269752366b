import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { In, MoreThan, type Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../module/auth-token.internal-constants.js';
import { AuthTokenEventPublisher } from '../events/auth-token-event-publisher.js';
import type { TokenRevokedEvent } from '../events/auth-token.events.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { Clock } from '../time/clock.js';
import { UserKey, type UserBound } from '../users/user-bound-entity.js';
import { UserStore, type UserId } from '../users/user-store.js';
import type { AuthenticatedToken, AuthToken, AuthTokenKind, AuthTokenWithUser } from './auth-token.entity.js';
import { Revocations } from '../revocation/revocations.js';
import { LookupCache } from '../revocation/lookup-cache.js';
import { TokenLookup } from './token-lookup.js';
import { andThen, type MaybePromise } from './maybe-promise.js';
import { BearerTokenKind } from './bearer-token-kind.js';
import { digestToken, generateToken, isWellFormedToken } from './token-secret.js';
import { CORE_EVENTS } from '../events/auth-token.events.js';

/** A freshly issued token: the raw value (shown once, to the client) and its stored row. */
export interface IssuedToken {
  token: string;
  record: AuthToken;
}

export interface IssueTokenOptions {
  /** The client's `User-Agent`, kept to help users tell their sessions apart. */
  userAgent?: string | null;
  /** The client's IP address, kept with the session unless `tokens.recordIp` is off. */
  ip?: string | null;
}

type RevokeReason = TokenRevokedEvent['reason'];

const MAX_USER_AGENT = 512;
/** Ids per query of {@link TokenService.findLive}, well under the bound parameters of either database. */
const LIVE_CHECK_BATCH = 500;
const MAX_IP = 45;

/** What {@link TokenService.authenticate} accepts. */
export interface AuthenticateOptions {
  /**
   * Accept API tokens too (when the host turned them on). Off by default: code that checks a token by hand (a
   * WebSocket handshake, say) gets login tokens only, unless it applies scopes as the guard does.
   */
  apiTokens?: boolean;
}

/**
 * Issues, verifies, lists and revokes tokens. Exported for hosts: issue a token after an OAuth login, verify a
 * raw token from a WebSocket handshake, list or revoke a user's sessions from an admin screen.
 */
@Injectable()
export class TokenService<TUser extends object = object> {
  private readonly lookup: TokenLookup<TUser>;
  private readonly userKey: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<UserBound<AuthToken>>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
    private readonly cache: LookupCache<TUser>,
    private readonly revocations: Revocations,
    @Optional() private readonly otherKind?: BearerTokenKind,
  ) {
    this.lookup = new TokenLookup<TUser>(tokens as Repository<AuthTokenWithUser<TUser>>);
    this.userKey = new UserKey(tokens);
  }

  /**
   * Issues a new token for `user`; the raw token is returned once and never stored. When the user then holds
   * more than `tokens.maxPerUser` tokens, the least recently used ones are revoked.
   */
  async issue(user: TUser, client: IssueTokenOptions = {}): Promise<IssuedToken> {
    const { prefix, ttl, maxTtl } = this.options.tokens;
    const issued = await this.store(user, { kind: 'login', prefix, lifetime: Math.min(ttl, maxTtl), client });
    // The login itself is a proof of identity: credentials may be created for `reauthentication.window`.
    await this.enforceLimit(user);
    return issued;
  }

  /**
   * Makes a token of one kind for `user` and stores its row (the digest, never the token). A login counts as
   * the token's first use; other kinds start unused. The raw token is in the result only.
   */
  async store(
    user: TUser,
    {
      kind,
      prefix,
      lifetime,
      client = {},
      name = null,
      scopes = null,
    }: {
      kind: AuthTokenKind;
      prefix: string;
      lifetime: number;
      client?: IssueTokenOptions;
      name?: string | null;
      scopes?: string[] | null;
    },
  ): Promise<IssuedToken> {
    const token = generateToken(prefix);
    const now = this.clock.now();
    const record = this.tokens.create({
      id: randomUUID(),
      digest: digestToken(token, this.options.tokens.pepper),
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetime * 1000),
      lastUsedAt: kind === 'login' ? now : null,
      userAgent: sanitizeUserAgent(client.userAgent),
      ip: this.options.tokens.recordIp && typeof client.ip === 'string' ? client.ip.slice(0, MAX_IP) : null,
      kind,
      name,
      scopes,
      expiryNoticeAt: null,
      authenticatedAt: kind === 'login' ? now : null,
      failures: 0,
    } as AuthToken);
    await this.tokens.insert({ ...record, user });
    return { token, record };
  }

  /**
   * The live token matching `token` and its active owner, or null. A token of the wrong shape is refused
   * before any database work; otherwise this is a hash and one indexed lookup joined with the user, plus at
   * most one write per `tokens.touchInterval` to slide the expiry.
   */
  async authenticate(token: string, options: AuthenticateOptions = {}): Promise<AuthenticatedToken<TUser> | null> {
    return this.check(token, options);
  }

  /**
   * {@link authenticate} as the guard calls it: the same answer, as a value rather than a promise when the
   * database answered synchronously (better-sqlite3) and no use had to be recorded.
   */
  check(
    token: string,
    { apiTokens = false }: AuthenticateOptions = {},
  ): MaybePromise<AuthenticatedToken<TUser> | null> {
    const { prefix, pepper } = this.options.tokens;
    const other = apiTokens && this.otherKind?.enabled ? this.otherKind : undefined;
    const kind = isWellFormedToken(token, prefix)
      ? 'login'
      : other && isWellFormedToken(token, other.prefix)
        ? other.kind
        : null;
    if (kind === null) return null;
    const digest = digestToken(token, pepper);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(digest, now);
    // A cached copy past its expiry may have slid on another instance since: the database decides.
    if (cached && cached.token.expiresAt.getTime() > now) return this.accept(cached, kind, now);
    const mark = this.cache.mark();
    return andThen(this.lookup.find(digest), (found) => {
      if (found) this.cache.set(digest, found.token, found.user, now, mark);
      return this.accept(found, kind, now);
    });
  }

  /** What was found, if it is live, of the kind its prefix names, and its user active; its use recorded when due. */
  private accept(
    found: AuthenticatedToken<TUser> | null,
    kind: AuthTokenKind,
    now: number,
  ): MaybePromise<AuthenticatedToken<TUser> | null> {
    // A token is only valid with its own kind's prefix: the prefix tells people (and scanners) what it is.
    if (
      !found ||
      found.token.kind !== kind ||
      found.token.expiresAt.getTime() <= now ||
      !this.users.isActive(found.user)
    )
      return null;
    // A copy: the cache may hold the found token, and what a host does with its copy must not reach the cache.
    const answer = () => ({ user: found.user, token: { ...found.token } });
    return this.touchDue(found.token, now) ? this.touch(found.token, now).then(answer) : answer();
  }

  /** The user's live tokens of one kind (login tokens: the sessions), most recently used first. */
  async listForUser(user: TUser, kind: AuthTokenKind = 'login'): Promise<AuthToken[]> {
    const records = await this.tokens
      .createQueryBuilder('token')
      .where(...this.userKey.is(this.users.getId(user), 'token'))
      .andWhere('token.kind = :kind', { kind })
      .andWhere('token.expiresAt > :now', { now: this.clock.now() })
      .orderBy('token.lastUsedAt', 'DESC')
      .addOrderBy('token.createdAt', 'DESC')
      .getMany();
    return records;
  }

  /**
   * Records a fresh proof of identity on the user's login token `tokenId` (`POST /auth/reauthenticate`), and
   * drops the token from every cache so each instance reads the new time.
   */
  async markAuthenticated(user: TUser, tokenId: string): Promise<void> {
    await this.tokens
      .createQueryBuilder()
      .update()
      .set({ authenticatedAt: this.clock.now() })
      .where('id = :tokenId', { tokenId })
      .andWhere(...this.userKey.is(this.users.getId(user)))
      .andWhere("kind = 'login'")
      .execute();
    await this.revocations.announce({ tokenIds: [tokenId] });
  }

  /** Whether the token with this public id exists and has not expired, asked of the database (never the cache). */
  async isLive(tokenId: string): Promise<boolean> {
    const found = await this.tokens
      .createQueryBuilder('token')
      .select('token.id')
      .where('token.id = :tokenId', { tokenId })
      .andWhere('token.expiresAt > :now', { now: this.clock.now() })
      .getOne();
    return found !== null;
  }

  /**
   * The tokens among `tokenIds` that are still live, each with its active owner, read from the database (never
   * the cache): what live connections check after a revocation notice and at a token's expiry. Nothing is
   * touched: a check is no use of the token.
   */
  async findLive(tokenIds: readonly string[]): Promise<Map<string, AuthenticatedToken<TUser>>> {
    const live = new Map<string, AuthenticatedToken<TUser>>();
    const now = this.clock.now();
    for (let start = 0; start < tokenIds.length; start += LIVE_CHECK_BATCH) {
      const records = await this.tokens.find({
        where: { id: In(tokenIds.slice(start, start + LIVE_CHECK_BATCH)), expiresAt: MoreThan(now) },
        relations: { user: true },
      });
      for (const record of records) {
        const user = record.user as TUser | undefined;
        delete record.user;
        if (user && this.users.isActive(user)) live.set(record.id, { user, token: record });
      }
    }
    return live;
  }

  /** Revokes one token by its public id. Resolves to whether a token was revoked. */
  async revoke(tokenId: string): Promise<boolean> {
    const record = await this.tokens.findOne({ where: { id: tokenId }, relations: { user: true } });
    if (!record?.user) return false;
    return this.revokeOwn(record.user as TUser, tokenId, 'session');
  }

  /**
   * Revokes `tokenId` only if it belongs to `user` (and is of `kind`, when given); resolves to false for another
   * user's or an unknown id.
   */
  async revokeOwn(
    user: TUser,
    tokenId: string,
    reason: RevokeReason = 'session',
    kind?: AuthTokenKind,
  ): Promise<boolean> {
    const deleted = await this.revocations.revoke({ tokenIds: [tokenId] }, this.tokens, async (tokens) => {
      const query = tokens
        .createQueryBuilder()
        .delete()
        .where('id = :tokenId', { tokenId })
        .andWhere(...this.userKey.is(this.users.getId(user)));
      if (kind) query.andWhere('kind = :kind', { kind });
      return (await query.execute()).affected ?? 0;
    });
    const revoked = deleted > 0;
    if (revoked)
      await this.events.publish(CORE_EVENTS.tokenRevoked, {
        userId: this.users.getId(user),
        tokenIds: [tokenId],
        reason,
      });
    return revoked;
  }

  /**
   * Revokes every login token of `user` and its pending second-factor challenges, except the token with id
   * `exceptId` (the caller's own, say). A password reset (`reason: 'password-reset'`, account recovery) revokes
   * the user's API tokens too.
   */
  async revokeAllForUser(user: TUser, exceptId?: string, reason: RevokeReason = 'all-sessions'): Promise<number> {
    const userId = this.users.getId(user);
    // Dropping all of the user's entries also drops the one kept: it is simply loaded again.
    const revoked = await this.revocations.revoke({ userId }, this.tokens, async (tokens) => {
      const query = tokens
        .createQueryBuilder()
        .delete()
        .where(...this.userKey.is(userId));
      if (reason !== 'password-reset') query.andWhere("kind IN ('login', 'mfa')");
      if (exceptId) query.andWhere('id <> :exceptId', { exceptId });
      return (await query.execute()).affected ?? 0;
    });
    if (revoked > 0) await this.events.publish(CORE_EVENTS.tokenRevoked, { userId, tokenIds: [], reason });
    return revoked;
  }

  /**
   * Drops the user's tokens from the token cache: this process's, and on PostgreSQL every instance's, so the next
   * request with any of them is checked in the database. Call it after changing a user outside the library
   * (deactivated, deleted, renamed) when `tokens.cacheTtl` is on; otherwise such a change is seen after at most
   * `cacheTtl` seconds. Takes the user or its id.
   */
  async forgetUser(user: TUser | UserId): Promise<void> {
    await this.revocations.announce({ userId: typeof user === 'object' ? this.users.getId(user) : user });
  }

  /** Whether the use must be recorded: first use, or `touchInterval` since the last write (checked before any await). */
  private touchDue(record: AuthToken, now: number): boolean {
    return !record.lastUsedAt || now - record.lastUsedAt.getTime() >= this.options.tokens.touchInterval * 1000;
  }

  /**
   * Records the use when {@link touchDue} says so: a login token's expiry slides (`ttl` after this use, never
   * past `maxTtl` after login); an API token's stays fixed, only `lastUsedAt` moves (first use at once).
   */
  private async touch(record: AuthToken, now: number): Promise<void> {
    const { ttl, maxTtl } = this.options.tokens;
    const lastUsedAt = new Date(now);
    const changes =
      record.kind !== 'login'
        ? { lastUsedAt }
        : { lastUsedAt, expiresAt: new Date(Math.min(now + ttl * 1000, record.createdAt.getTime() + maxTtl * 1000)) };
    await this.tokens.update({ id: record.id }, changes);
    Object.assign(record, changes);
  }

  /**
   * Keeps the user's `maxPerUser` most recently used tokens and deletes the rest, in one statement, so that
   * parallel logins can never leave more behind.
   */
  private async enforceLimit(user: TUser): Promise<void> {
    const { maxPerUser } = this.options.tokens;
    const userId = this.users.getId(user);
    const newest = this.tokens
      .createQueryBuilder('kept')
      .select('kept.id')
      .where(this.userKey.is(userId, 'kept')[0])
      .andWhere("kept.kind = 'login'")
      .orderBy('kept.lastUsedAt', 'DESC')
      .addOrderBy('kept.createdAt', 'DESC')
      .addOrderBy('kept.id', 'DESC')
      .limit(maxPerUser);
    const evicted = await this.revocations.revoke({ userId }, this.tokens, async (tokens) => {
      const result = await tokens
        .createQueryBuilder()
        .delete()
        .where(...this.userKey.is(userId))
        .andWhere("kind = 'login'")
        .andWhere(`id NOT IN (${newest.getQuery()})`)
        .execute();
      return result.affected ?? 0;
    });
    if (evicted > 0) {
      await this.events.publish(CORE_EVENTS.tokenRevoked, { userId, tokenIds: [], reason: 'limit' });
    }
  }
}

function sanitizeUserAgent(userAgent: string | null | undefined): string | null {
  if (typeof userAgent !== 'string') return null;
  const printable = userAgent.replace(/[^\x20-\x7e]/g, '').trim();
  return printable ? printable.slice(0, MAX_USER_AGENT) : null;
}
