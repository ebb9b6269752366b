import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RevocationFeed } from '../../core/revocation/revocation-feed.js';
import { TokenCache } from './token-cache.js';

/**
 * Feeds the token cache, when it is on, with every revocation notice. On PostgreSQL the cache serves only while
 * the notices of other instances arrive: from start-up until the feed listens, and from the moment its
 * connection drops until it listens again, the cache is suspended and every request is checked in the database
 * (fail closed).
 */
@Injectable()
export class TokenCacheSubscription implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private unsubscribe?: () => void;
  /** Why the notices stopped arriving, kept so that an outage is logged once, not once per attempt. */
  private outage?: string;

  constructor(
    private readonly feed: RevocationFeed,
    private readonly cache: TokenCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cache.enabled) return;
    this.unsubscribe = this.feed.subscribe({
      notice: (notice) => this.cache.apply(notice),
      reach: (listening, reason) => (listening ? this.resume() : this.suspend(reason ?? 'unknown')),
    });
    await this.feed.ready();
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private suspend(reason: string): void {
    this.cache.suspend();
    if (this.outage === undefined) {
      this.logger.warn(
        `Token cache suspended, every token is checked in the database until the revocation listener is back: ${reason}`,
      );
    }
    this.outage = reason;
  }

  private resume(): void {
    this.cache.resume();
    if (this.outage !== undefined) this.logger.log('Token cache resumed: listening for revocations again');
    this.outage = undefined;
  }
}
