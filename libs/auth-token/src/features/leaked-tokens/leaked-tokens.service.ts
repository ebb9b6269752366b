import { hash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { eventClient } from '../../core/events/auth-token.events.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { digestToken, isWellFormedToken } from '../../core/tokens/token-secret.js';
import { TokenService } from '../../core/tokens/token.service.js';
import type { UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore } from '../../core/users/user-store.js';
import { throttleAddress } from '../throttling/client-address.js';
import { requireClientIp } from '../throttling/login-client.js';
import type { RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { LEAKED_TOKENS_EVENTS, type TokenLeakedEvent } from './leaked-tokens.events.js';

/** One match of GitHub's secret-scanning partner program: a token found in public, with where and what. */
export interface LeakReportEntry {
  token: string;
  /** The token format's name as registered with GitHub; echoed in the feedback. */
  type?: string;
  /** Where it was found. */
  url?: string;
  /** What kind of place (`content`, `commit`, `npm`, ...). */
  source?: string;
}

/** The feedback on one entry, in the partner program's format. */
export interface LeakReportFeedback {
  /** SHA-256 hex of the token (plain, whatever the pepper). */
  token_hash: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

/** Who reports, and how: the event and the mail tell the owner. */
export interface LeakReporter {
  reportedBy: TokenLeakedEvent['reportedBy'];
  client?: { ip?: string; userAgent?: string; acceptLanguage?: string };
}

/** Digests looked up per query. */
const CHUNK = 500;

type LiveToken = AuthToken & { user: object };

/**
 * Ends tokens that someone published: each live login or API token of this server among the ones given is revoked
 * through the normal path (every instance's cache and every open connection hears it), its owner is told (the
 * `tokenLeaked` event, hence the security log and a mail). Only tokens of our shape are looked up, by digest; a
 * token reported again (forks repeat reports) is no longer live and changes nothing.
 */
@Injectable()
export class LeakedTokens<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<UserBound<AuthToken>>,
    private readonly tokenService: TokenService<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
    private readonly throttle: ThrottleService,
  ) {}

  /**
   * `POST /auth/tokens/revoke`: anyone who found tokens ends them. Counted per client IP
   * (`leakedTokens.revokeRequestsPerHour`, then 429); what was revoked is not told.
   */
  async revokeFound(tokens: string[], client: RequestClientInfo): Promise<void> {
    const ip = requireClientIp(client.ip);
    await this.throttle.hit([
      {
        scope: 'token-revoke-ip',
        identity: throttleAddress(ip),
        limit: this.options.leakedTokens.revokeRequestsPerHour,
        window: 3600,
      },
    ]);
    await this.revoke(tokens, { reportedBy: 'revocation-request', client });
  }

  /** Revokes the live tokens of a checked report; one feedback per entry, in order. */
  async report(entries: LeakReportEntry[], reporter: LeakReporter): Promise<LeakReportFeedback[]> {
    const live = await this.revoke(
      entries.map((entry) => entry.token),
      reporter,
      new Map(entries.map((entry) => [entry.token, entry.url ?? null])),
    );
    return entries.map(({ token, type }) => ({
      token_hash: hash('sha256', token, 'hex'),
      token_type: type ?? '',
      label: live.has(token) ? 'true_positive' : 'false_positive',
    }));
  }

  /** Revokes whichever of `tokens` are live tokens of this server; resolves to those that were. */
  async revoke(
    tokens: string[],
    reporter: LeakReporter,
    foundAt = new Map<string, string | null>(),
  ): Promise<Set<string>> {
    const byDigest = new Map<string, string>();
    for (const token of new Set(tokens)) if (this.isOurs(token)) byDigest.set(this.digest(token), token);
    const live = new Set<string>();
    for (const record of await this.findLive([...byDigest.keys()])) {
      const token = byDigest.get(record.digest) as string;
      live.add(token);
      await this.end(record, reporter, foundAt.get(token) ?? null);
    }
    return live;
  }

  private isOurs(token: string): boolean {
    return (
      typeof token === 'string' &&
      (isWellFormedToken(token, this.options.tokens.prefix) || isWellFormedToken(token, this.options.apiTokens.prefix))
    );
  }

  private digest(token: string): string {
    return digestToken(token, this.options.tokens.pepper);
  }

  private async findLive(digests: string[]): Promise<LiveToken[]> {
    const found: LiveToken[] = [];
    for (let start = 0; start < digests.length; start += CHUNK) {
      const rows = await this.tokens
        .createQueryBuilder('token')
        .innerJoinAndSelect('token.user', 'user')
        .where('token.digest IN (:...digests)', { digests: digests.slice(start, start + CHUNK) })
        .andWhere("token.kind IN ('login', 'api')")
        .andWhere('token.expiresAt > :now', { now: this.clock.now() })
        .getMany();
      found.push(...(rows as LiveToken[]));
    }
    return found;
  }

  /** Revokes one token; the owner is told only by the request whose delete took it (repeated reports race). */
  private async end(record: LiveToken, reporter: LeakReporter, foundAt: string | null): Promise<void> {
    const user = record.user as TUser;
    const kind = record.kind === 'api' ? 'api' : 'login';
    if (!(await this.tokenService.revokeOwn(user, record.id, 'leaked', kind))) return;
    await this.events.publish(LEAKED_TOKENS_EVENTS.tokenLeaked, {
      userId: this.users.getId(user),
      tokenId: record.id,
      kind,
      name: kind === 'api' ? record.name : null,
      reportedBy: reporter.reportedBy,
      foundAt,
      client: eventClient(reporter.client),
    });
  }
}
