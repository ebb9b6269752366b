import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import { AUTH_THROTTLE_TABLE } from './auth-throttle.entity.js';
import { TooManyAttemptsException } from '../../core/errors/too-many-attempts.exception.js';
import { throttleKey } from './throttle-key.js';

/** One counter: what is counted (`scope`), for whom (`identity`, stored only as a hash), and its limit per window. */
export interface ThrottleRule {
  scope: string;
  identity: string;
  limit: number;
  /** Seconds of this counter's window. @default throttle.window */
  window?: number;
}

const table = AUTH_THROTTLE_TABLE;

/**
 * Fixed-window counters in the database, shared by every instance of the app.
 *
 * `hit` refuses a request that any of its counters has already reached, and then counts it against none of
 * them: otherwise an address that is over its own limit could keep pushing a victim's account towards its
 * limit with cheap refused requests. A refused request writes nothing, so it cannot grow the table either.
 * Counting is one atomic conditional upsert per counter, so parallel requests cannot slip past a limit.
 */
@Injectable()
export class ThrottleService implements OnModuleInit {
  private readonly key: Buffer | null;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.key = throttleKey(options);
  }

  onModuleInit(): void {
    if (this.key || !this.options.throttle.enabled) return;
    new Logger('AuthToken').warn(
      'No server secret is set (the secret option, tokens.pepper or mfa.encryptionKey): throttle counters are named by plain ' +
        'SHA-256 of client addresses and account names, which anyone holding a copy of the table can reverse. Set secret.',
    );
  }

  /** Counts one request on every rule, or rejects with {@link TooManyAttemptsException} and counts nothing. */
  async hit(rules: ThrottleRule[]): Promise<void> {
    if (!this.options.throttle.enabled || rules.length === 0) return;
    const now = this.clock.now().getTime();
    const keys = rules.map((rule) => this.keyOf(rule));
    // The common refusal (a counter already full) is decided by one read, without a write.
    const counters = await this.read(keys);
    const full = rules.flatMap((rule, i) => {
      const counter = counters.get(keys[i]);
      return counter && counter.resetAt > now && counter.hits >= rule.limit ? [counter.resetAt] : [];
    });
    if (full.length > 0) throw this.refusal(Math.max(...full), now);
    const counted: string[] = [];
    for (const [i, rule] of rules.entries()) {
      const resetAt = await this.increment(keys[i], rule.limit, now, rule.window ?? this.options.throttle.window);
      if (resetAt === null) {
        // Another request took the last place in between: give back what this one counted, then refuse.
        await this.release(counted);
        throw this.refusal((await this.read([keys[i]])).get(keys[i])?.resetAt ?? now, now);
      }
      counted.push(keys[i]);
    }
  }

  /** Takes back one counted request from each rule (a login that succeeded was no failure). */
  async forgive(rules: Omit<ThrottleRule, 'limit'>[]): Promise<void> {
    if (!this.options.throttle.enabled) return;
    await this.release(rules.map((rule) => this.keyOf(rule)));
  }

  /** Forgets a counter (a successful login clears its account's counter for that address). */
  async reset(rule: Omit<ThrottleRule, 'limit'>): Promise<void> {
    if (!this.options.throttle.enabled) return;
    await this.run(`DELETE FROM ${table} WHERE "key" = $1`, [this.keyOf(rule)]);
  }

  private async read(keys: string[]): Promise<Map<string, { hits: number; resetAt: number }>> {
    const placeholders = keys.map((_key, i) => `$${i + 1}`).join(', ');
    const rows = await this.run<{ key: string; hits: number | string; resetAt: number | string }>(
      `SELECT "key", "hits", "resetAt" FROM ${table} WHERE "key" IN (${placeholders})`,
      keys,
    );
    return new Map(rows.map((row) => [row.key, { hits: Number(row.hits), resetAt: Number(row.resetAt) }]));
  }

  /** Counts one hit unless the counter is full; resolves to the window's end, or null when it was full. */
  private async increment(key: string, limit: number, now: number, window: number): Promise<number | null> {
    const resetAt = now + window * 1000;
    const rows = await this.run<{ resetAt: number | string }>(
      `INSERT INTO ${table} ("key", "hits", "resetAt") VALUES ($1, 1, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN ${table}."resetAt" <= $3 THEN 1 ELSE ${table}."hits" + 1 END,
         "resetAt" = CASE WHEN ${table}."resetAt" <= $3 THEN $2 ELSE ${table}."resetAt" END
       WHERE ${table}."resetAt" <= $3 OR ${table}."hits" < $4
       RETURNING "resetAt"`,
      [key, resetAt, now, limit],
    );
    return rows.length > 0 ? Number(rows[0].resetAt) : null;
  }

  /** One hit less on each key; a counter back at zero is deleted, so the table holds only live counters. */
  private async release(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.run(`UPDATE ${table} SET "hits" = "hits" - 1 WHERE "key" = $1 AND "hits" > 0`, [key]);
      await this.run(`DELETE FROM ${table} WHERE "key" = $1 AND "hits" <= 0`, [key]);
    }
  }

  private refusal(resetAt: number, now: number): TooManyAttemptsException {
    return new TooManyAttemptsException(Math.max(1, Math.ceil((resetAt - now) / 1000)));
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

  /**
   * `<scope>:<HMAC-SHA-256 of the identity>` under the server secret (plain SHA-256 without one): the table never
   * holds a name, an address or an account id.
   */
  private keyOf({ scope, identity }: Pick<ThrottleRule, 'scope' | 'identity'>): string {
    const digest = this.key ? createHmac('sha256', this.key) : createHash('sha256');
    return `${scope}:${digest.update(identity).digest('hex')}`;
  }
}
