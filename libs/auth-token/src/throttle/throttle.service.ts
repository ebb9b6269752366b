import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { Clock } from '../time/clock.js';
import { AUTH_THROTTLE_TABLE } from './auth-throttle.entity.js';
import { TooManyAttemptsException } from './too-many-requests.exception.js';

/** What is being throttled, and by which identity. */
export interface ThrottleKey {
  scope: 'login-user' | 'login-ip' | 'mail-address' | 'mail-ip';
  identity: string;
}

/**
 * Fixed-window counters in the database, shared by every instance of the app. `hit` counts an attempt and
 * refuses it with a 429 once a counter is over its limit, before any password is hashed; the increment and the
 * read are one atomic statement, so parallel attempts cannot slip past the limit.
 */
@Injectable()
export class ThrottleService {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt on every key; rejects with {@link TooManyAttemptsException} if any is over its limit. */
  async hit(keys: ThrottleKey[]): Promise<void> {
    if (!this.options.throttle.enabled) return;
    let retryAfter = 0;
    for (const key of keys) {
      const { hits, resetAt } = await this.increment(this.keyOf(key));
      if (hits > this.limitOf(key)) retryAfter = Math.max(retryAfter, Math.ceil((resetAt - this.clock.now().getTime()) / 1000));
    }
    if (retryAfter > 0) throw new TooManyAttemptsException(retryAfter);
  }

  /** Takes back one counted attempt (a login that succeeded is no failure). */
  async forgive(keys: ThrottleKey[]): Promise<void> {
    if (!this.options.throttle.enabled) return;
    for (const key of keys) {
      await this.run(`UPDATE ${AUTH_THROTTLE_TABLE} SET "hits" = "hits" - 1 WHERE "key" = $1 AND "hits" > 0`, [this.keyOf(key)]);
    }
  }

  /** Forgets a counter (a user who logged in successfully starts again from zero). */
  async reset(key: ThrottleKey): Promise<void> {
    if (!this.options.throttle.enabled) return;
    await this.run(`DELETE FROM ${AUTH_THROTTLE_TABLE} WHERE "key" = $1`, [this.keyOf(key)]);
  }

  private async increment(key: string): Promise<{ hits: number; resetAt: number }> {
    const now = this.clock.now().getTime();
    const resetAt = now + this.options.throttle.window * 1000;
    const rows = await this.run<{ hits: number | string; resetAt: number | string }>(
      `INSERT INTO ${AUTH_THROTTLE_TABLE} ("key", "hits", "resetAt") VALUES ($1, 1, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN ${AUTH_THROTTLE_TABLE}."resetAt" <= $3 THEN 1 ELSE ${AUTH_THROTTLE_TABLE}."hits" + 1 END,
         "resetAt" = CASE WHEN ${AUTH_THROTTLE_TABLE}."resetAt" <= $3 THEN $2 ELSE ${AUTH_THROTTLE_TABLE}."resetAt" END
       RETURNING "hits", "resetAt"`,
      [key, resetAt, now],
    );
    return { hits: Number(rows[0].hits), resetAt: Number(rows[0].resetAt) };
  }

  /** Runs SQL written with `$n` placeholders on PostgreSQL or SQLite (which takes `?` in order of appearance). */
  private run<T = unknown>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.query(sql, parameters);
    const ordered: unknown[] = [];
    const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
      ordered.push(parameters[Number(index) - 1]);
      return '?';
    });
    return this.dataSource.query(text, ordered);
  }

  private keyOf({ scope, identity }: ThrottleKey): string {
    return `${scope}:${createHash('sha256').update(identity.normalize('NFKC').toLowerCase()).digest('hex')}`;
  }

  private limitOf({ scope }: ThrottleKey): number {
    const { maxFailures, maxPerIp } = this.options.throttle;
    return scope.endsWith('-ip') ? maxPerIp : maxFailures;
  }
}
