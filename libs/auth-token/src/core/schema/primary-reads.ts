import type { DataSource } from 'typeorm';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';

/**
 * With TypeORM's `replication` and no `defaultMode`, repository and query-builder reads go to a random replica.
 * Every read the library makes decides something (a login's password hash, whether a second factor is on, the
 * user of a token, a password change's re-read), and a lagging replica would answer from before a revocation or
 * a password change. So the library requires reads to default to the primary.
 */
export function assertReadsFromPrimary(dataSource: DataSource): void {
  const replication = (dataSource.options as { replication?: { defaultMode?: string } }).replication;
  if (!replication || replication.defaultMode === 'master') return;
  throw new AuthTokenConfigError(
    'replication.defaultMode',
    "of the TypeORM DataSource must be 'master': without it reads go to a replica, which may still show a revoked token, an old " +
      "password or a second factor not yet enabled. Set replication.defaultMode: 'master', and read from a replica only where " +
      'you choose (dataSource.createQueryRunner(\'slave\')); see docs/scaling.md, "With read replicas"',
  );
}
