import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import type { RevocationNotice } from './revocation-notice.js';
import { RevocationListener } from './revocation-listener.js';

/** A part that wants to hear of revocations (the token cache, the live connections). */
export interface RevocationSubscriber {
  /** A revocation made in this process, or announced by another instance (PostgreSQL). */
  notice(notice: RevocationNotice): void;
  /**
   * Whether the notices of other instances reach this process: false from the moment the listening connection
   * drops (`reason` says why) until it listens again; what was announced meanwhile is lost. Called on each
   * change. Always true on SQLite, where there is no other instance to hear.
   */
  reach?(listening: boolean, reason?: string): void;
}

/**
 * How long the listening connection stays open after its last subscriber left: a page that reloads closes its
 * socket and opens another a moment later, which should not cost a new connection each time.
 */
const LINGER_MS = 10_000;

/**
 * Every revocation notice, to whoever subscribes: those this process makes (`Revocations` publishes them) and,
 * on PostgreSQL, those of every other instance, heard on one LISTEN connection per instance. That connection is
 * open only while someone subscribes (the token cache when it is on, live connections while any is open), so
 * a host with neither opens none.
 */
@Injectable()
export class RevocationFeed implements OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private readonly subscribers = new Set<RevocationSubscriber>();
  private readonly dataSource: DataSource;
  private readonly postgres: boolean;
  private listener?: RevocationListener;
  private started?: Promise<void>;
  private linger?: NodeJS.Timeout;
  private listening: boolean;
  private notices = 0;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) tokens: Repository<object>,
  ) {
    this.dataSource = tokens.manager.connection;
    this.postgres = this.dataSource.options.type === 'postgres';
    this.listening = !this.postgres;
  }

  /**
   * Hands `subscriber` every notice from now on, and opens the listening connection if it is the first (on
   * PostgreSQL). Returns the function that unsubscribes it.
   */
  subscribe(subscriber: RevocationSubscriber): () => void {
    this.subscribers.add(subscriber);
    clearTimeout(this.linger);
    this.linger = undefined;
    if (this.postgres && !this.listener) this.listen();
    return () => {
      if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0 || !this.listener) return;
      this.linger = setTimeout(() => void this.close(), LINGER_MS);
      this.linger.unref();
    };
  }

  /** Resolves once the listening connection's first attempt listened or failed (at once without one). */
  async ready(): Promise<void> {
    await this.started;
  }

  /** Whether other instances' notices reach this process now (always on SQLite). */
  get isListening(): boolean {
    return this.listening;
  }

  /**
   * How many notices were handed out so far: a part that checked a token, then subscribes something for it, compares
   * it with the count taken before the check to learn whether a revocation may have landed in between.
   */
  get count(): number {
    return this.notices;
  }

  /** Hands a notice made in this process to every subscriber (other instances hear it through the NOTIFY). */
  publish(notice: RevocationNotice): void {
    this.notices += 1;
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber.notice(notice);
      } catch (error) {
        this.logger.error(`A revocation subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.linger);
    await this.close();
  }

  private listen(): void {
    // The first failure is reported even though nothing changed: a listener that never came up is an outage too.
    let reported = false;
    const listener = new RevocationListener(this.dataSource, this.options.tokens.cacheListenerConnection, {
      notice: (notice) => this.publish(notice),
      state: (listening, reason) => {
        if (listening === this.listening && reported) return;
        reported = true;
        this.listening = listening;
        for (const subscriber of [...this.subscribers]) subscriber.reach?.(listening, reason);
      },
    });
    this.listener = listener;
    this.started = listener.start();
  }

  private async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    this.started = undefined;
    if (!listener) return;
    await listener.stop();
    if (this.postgres && this.listening) {
      this.listening = false;
      for (const subscriber of [...this.subscribers]) subscriber.reach?.(false, 'no longer needed');
    }
  }
}
