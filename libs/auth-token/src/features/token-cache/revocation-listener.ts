import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { decodeNotice, REVOCATION_CHANNEL } from '../../core/revocation/revocation-notice.js';
import { TokenCache } from './token-cache.js';

/** The part of node-postgres' Client used here (the library has no dependency on `pg`: TypeORM loaded it). */
interface ListenerClient {
  connect(): Promise<unknown>;
  query(query: string | { text: string; query_timeout?: number }): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: (error?: Error) => void): unknown;
}
type ClientClass = new (config: object) => ListenerClient;

/** Name of the listening connection in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'auth-token revocation listener';
/** A round trip on the listening connection this often, so that a connection that died silently is noticed. */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** Waits before reconnecting: doubling from the first, then the last one over and over. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * On PostgreSQL with the token cache on: one connection per instance, outside TypeORM's pool, that LISTENs on
 * the revocation channel and drops what each notice names from this instance's cache. The cache serves only
 * while this connection is up: from start-up until it listens, and from the moment it drops (an error, the
 * server ending it, a heartbeat without answer) until it listens again, the cache is suspended and every
 * request is checked in the database (fail closed). It reconnects by itself.
 *
 * The connection uses the DataSource's settings, or `tokens.cacheListenerConnection` (needed behind PgBouncer
 * in transaction mode, where LISTEN does not work).
 */
@Injectable()
export class RevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private readonly dataSource: DataSource;
  private client?: ListenerClient;
  private heartbeat?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private attempts = 0;
  /** Why the connection is down, kept so that an outage is logged once, not once per attempt. */
  private outage?: string;
  private stopped = false;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) tokens: Repository<object>,
    private readonly cache: TokenCache,
  ) {
    this.dataSource = tokens.manager.connection;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.cache.enabled && this.dataSource.options.type === 'postgres') await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnect = undefined;
    const client = new (this.clientClass())(this.clientConfig());
    this.client = client;
    client.on('notification', ({ channel, payload }) => {
      if (channel === REVOCATION_CHANNEL) this.cache.apply(decodeNotice(payload));
    });
    client.on('error', (error) => this.lost(client, error?.message ?? 'connection error'));
    client.on('end', () => this.lost(client, 'the server closed the connection'));
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.client !== client) return;
    this.attempts = 0;
    this.cache.resume();
    if (this.outage !== undefined) this.logger.log('Token cache resumed: listening for revocations again');
    this.outage = undefined;
    this.heartbeat = setInterval(() => {
      client.query({ text: 'SELECT 1', query_timeout: HEARTBEAT_TIMEOUT_MS }).catch((error: unknown) => {
        this.lost(client, `heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The connection is gone (or never came): suspend the cache, close what is left, try again later. */
  private lost(client: ListenerClient, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.cache.suspend();
    clearInterval(this.heartbeat);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (this.outage === undefined) {
      this.logger.warn(
        `Token cache suspended, every token is checked in the database until the revocation listener is back: ${reason}`,
      );
    }
    this.outage = reason;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts, RECONNECT_DELAYS_MS.length - 1)];
    this.attempts += 1;
    this.reconnect = setTimeout(() => void this.connect(), delay);
    this.reconnect.unref();
  }

  /** node-postgres' Client, as TypeORM's driver loaded it. */
  private clientClass(): ClientClass {
    return ((this.dataSource.driver as PostgresDriver).postgres as { Client: ClientClass }).Client;
  }

  /** `tokens.cacheListenerConnection`, else the settings of TypeORM's (primary) pool. */
  private clientConfig(): object {
    const given = this.options.tokens.cacheListenerConnection;
    const pool = (this.dataSource.driver as PostgresDriver).master as { options?: Record<string, unknown> } | undefined;
    const base: Record<string, unknown> =
      given === undefined
        ? { ...pool?.options }
        : typeof given === 'string'
          ? { connectionString: given }
          : { ...given };
    return {
      ...base,
      connectionTimeoutMillis: base.connectionTimeoutMillis || CONNECT_TIMEOUT_MS,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    };
  }
}
