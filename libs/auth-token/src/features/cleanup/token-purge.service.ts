import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import {
  AUTH_EMAIL_TOKEN_REPOSITORY,
  AUTH_SECURITY_EVENT_REPOSITORY,
  AUTH_THROTTLE_REPOSITORY,
  AUTH_TOKEN_REPOSITORY,
} from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { Clock } from '../../core/time/clock.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { UserStore } from '../../core/users/user-store.js';
import { Revocations } from '../../core/revocation/revocations.js';
import { API_TOKENS_EVENTS } from '../api-tokens/api-tokens.events.js';

/** How many rows a purge deleted. */
export interface PurgeResult {
  tokens: number;
  links: number;
  /** Throttling counters whose window has passed. */
  counters: number;
  /** Security log entries older than `securityLog.retention`. */
  securityEvents: number;
  /** API tokens announced as expiring within seven days (the `apiTokenExpiring` event, once per token). */
  expiring: number;
}

/** How long before an API token dies its `apiTokenExpiring` event goes out. */
const EXPIRY_NOTICE_MS = 7 * 86_400_000;

interface SchedulerRegistryLike {
  addInterval(name: string, intervalId: NodeJS.Timeout): void;
  deleteInterval(name: string): void;
}

const INTERVAL_NAME = 'auth-token:purge';

/**
 * Deletes expired tokens and mailed links (revoked ones are deleted at once), in batches so that a large purge
 * never holds a long lock. Runs every `cleanup.interval` seconds, registered with @nestjs/schedule's
 * SchedulerRegistry when the app has one; also callable directly (`npm run tokens -- purge` in the demo).
 */
@Injectable()
export class TokenPurgeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private timer?: NodeJS.Timeout;
  private registry: SchedulerRegistryLike | null = null;
  private running?: Promise<unknown>;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<object>,
    @Inject(AUTH_EMAIL_TOKEN_REPOSITORY) private readonly links: Repository<object>,
    @Inject(AUTH_THROTTLE_REPOSITORY) private readonly counters: Repository<object>,
    @Inject(AUTH_SECURITY_EVENT_REPOSITORY) private readonly securityEvents: Repository<object>,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly events: AuthTokenEventPublisher,
    private readonly users: UserStore,
    private readonly revocations: Revocations,
  ) {}

  /**
   * Deletes every expired token, link and throttling counter and the security log entries past their retention
   * now, and announces the API tokens that die within seven days (`apiTokenExpiring`, once per token, so the
   * host can mail a reminder).
   */
  async purge(): Promise<PurgeResult> {
    const now = this.clock.now();
    const tokens = await this.purgeExpired(this.tokens, 'expiresAt', now);
    // Every cached copy of a purged token is expired too, unless an instance's clock is behind this one's.
    if (tokens > 0) await this.revocations.announce({ expiredBefore: now.getTime() });
    return {
      tokens,
      links: await this.purgeExpired(this.links, 'expiresAt', now),
      counters: await this.purgeExpired(this.counters, 'resetAt', now.getTime()),
      securityEvents: await this.purgeExpired(
        this.securityEvents,
        'at',
        new Date(now.getTime() - this.options.securityLog.retention * 1000),
      ),
      expiring: await this.announceExpiring(now),
    };
  }

  private async announceExpiring(now: Date): Promise<number> {
    const soon = await this.tokens
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where("token.kind = 'api'")
      .andWhere('token.expiryNoticeAt IS NULL')
      .andWhere('token.expiresAt > :now', { now })
      .andWhere('token.expiresAt <= :soon', { soon: new Date(now.getTime() + EXPIRY_NOTICE_MS) })
      .getMany();
    for (const token of soon as (AuthToken & { user: object })[]) {
      // Marked first: an event is sent once, even when two instances purge at the same time.
      const marked = await this.tokens
        .createQueryBuilder()
        .update()
        .set({ expiryNoticeAt: now })
        .where('id = :id', { id: token.id })
        .andWhere('"expiryNoticeAt" IS NULL')
        .execute();
      if ((marked.affected ?? 0) === 0) continue;
      await this.events.publish(API_TOKENS_EVENTS.apiTokenExpiring, {
        userId: this.users.getId(token.user),
        tokenId: token.id,
        name: token.name ?? '',
        expiresAt: token.expiresAt,
      });
    }
    return soon.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, interval } = this.options.cleanup;
    if (!enabled) return;
    this.timer = setInterval(() => this.runScheduled(), interval * 1000);
    this.timer.unref();
    this.registry = await this.findSchedulerRegistry();
    this.registry?.addInterval(INTERVAL_NAME, this.timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.registry) this.registry.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  private runScheduled(): void {
    if (this.running) return;
    this.running = this.purge()
      .then(({ tokens, links, counters, securityEvents }) => {
        if (tokens || links || counters || securityEvents)
          this.logger.log(
            `Purged ${tokens} expired tokens, ${links} expired links, ${counters} expired throttling counters ` +
              `and ${securityEvents} old security log entries`,
          );
      })
      .catch((error: unknown) =>
        this.logger.error(`Purge failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (this.running = undefined));
  }

  private async purgeExpired(repository: Repository<object>, column: string, now: Date | number): Promise<number> {
    const { batchSize } = this.options.cleanup;
    const [primary] = repository.metadata.primaryColumns;
    let total = 0;
    for (;;) {
      const batch = repository
        .createQueryBuilder('expired')
        .select(`expired.${primary.propertyName}`)
        .where(`expired.${column} <= :now`)
        .limit(batchSize);
      const result = await repository
        .createQueryBuilder()
        .delete()
        .where(`${repository.manager.connection.driver.escape(primary.databaseName)} IN (${batch.getQuery()})`, { now })
        .execute();
      const deleted = result.affected ?? 0;
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  private async findSchedulerRegistry(): Promise<SchedulerRegistryLike | null> {
    try {
      const { SchedulerRegistry } = await import('@nestjs/schedule');
      return this.moduleRef.get<SchedulerRegistryLike>(SchedulerRegistry, { strict: false });
    } catch {
      return null;
    }
  }
}
