import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { AUTH_TOKEN_REPOSITORY } from '../module/auth-token.internal-constants.js';
import { encodeNotice, REVOCATION_CHANNEL, type RevocationNotice } from './revocation-notice.js';
import { RevocationFeed } from './revocation-feed.js';

/**
 * Makes revocations reach every part that keeps tokens (the token cache, live connections): this process's at once
 * through the {@link RevocationFeed} and, on PostgreSQL, every other instance's through a NOTIFY on
 * {@link REVOCATION_CHANNEL}. The NOTIFY is sent on PostgreSQL whether or not anything here listens, so that a
 * process without the cache or sockets (a CLI, a worker) still reaches the instances that have them.
 */
@Injectable()
export class Revocations {
  private readonly dataSource: DataSource;
  private readonly postgres: boolean;

  constructor(
    @Inject(AUTH_TOKEN_REPOSITORY) tokens: Repository<object>,
    private readonly feed: RevocationFeed,
  ) {
    this.dataSource = tokens.manager.connection;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  /**
   * Runs `deleteTokens` (which deletes through the repository it is given and resolves to how many rows went)
   * and publishes `notice` here. On PostgreSQL the delete and its NOTIFY share one transaction, so the notice
   * goes out exactly when the delete commits, and only if it deleted something: an id that matches nothing
   * (a guess) costs the other instances nothing.
   */
  async revoke<R extends Repository<ObjectLiteral>>(
    notice: RevocationNotice,
    repository: R,
    deleteTokens: (repository: R) => Promise<number>,
  ): Promise<number> {
    try {
      if (!this.postgres) return await deleteTokens(repository);
      return await this.dataSource.transaction(async (manager) => {
        const deleted = await deleteTokens(manager.withRepository(repository));
        if (deleted > 0) await manager.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, encodeNotice(notice)]);
        return deleted;
      });
    } finally {
      this.feed.publish(notice);
    }
  }

  /** Publishes `notice` here and announces it to the other instances, with nothing deleted. */
  async announce(notice: RevocationNotice): Promise<void> {
    this.feed.publish(notice);
    if (this.postgres)
      await this.dataSource.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, encodeNotice(notice)]);
  }
}
