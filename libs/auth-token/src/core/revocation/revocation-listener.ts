import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { decodeNotice, REVOCATION_CHANNEL, type RevocationNotice } from './revocation-notice.js';

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

/** What the listener tells its owner (the revocation feed). */
export interface ListenerEvents {
  notice(notice: RevocationNotice): void;
  /** The connection listens (true), or was lost (false, with the reason); called on each change. */
  state(listening: boolean, reason?: string): void;
}

/**
 * On PostgreSQL: one connection, outside TypeORM's pool, that LISTENs on the revocation channel and hands each
 * notice to {@link ListenerEvents.notice}. It reconnects by itself; from the moment it drops (an error, the
 * server ending it, a heartbeat without answer) until it listens again, notices of other instances are lost,
 * which {@link ListenerEvents.state} reports.
 *
 * The connection uses the DataSource's settings, or `tokens.cacheListenerConnection` (needed behind PgBouncer
 * in transaction mode, where LISTEN does not work).
 */
export class RevocationListener {
  private client?: ListenerClient;
  private heartbeat?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly given: string | Record<string, unknown> | undefined,
    private readonly events: ListenerEvents,
  ) {}

  /** Connects; resolves once the first attempt has listened or failed (it retries by itself after a failure). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnect = undefined;
    if (this.stopped) return;
    const client = new (this.clientClass())(this.clientConfig());
    this.client = client;
    client.on('notification', ({ channel, payload }) => {
      if (channel === REVOCATION_CHANNEL) this.events.notice(decodeNotice(payload));
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
    this.events.state(true);
    this.heartbeat = setInterval(() => {
      client.query({ text: 'SELECT 1', query_timeout: HEARTBEAT_TIMEOUT_MS }).catch((error: unknown) => {
        this.lost(client, `heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The connection is gone (or never came): report it, close what is left, try again later. */
  private lost(client: ListenerClient, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    // Reported on every failed attempt until the first success: the owner logs an outage once.
    this.events.state(false, reason);
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
    const given = this.given;
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
