import { DataSource, type DataSourceOptions } from 'typeorm';

/** Key of the PostgreSQL advisory lock held while migrations run ("nat-migr" in ASCII). */
const MIGRATION_LOCK = 0x6e61742d6d696772n;

/**
 * Opens the DataSource and runs the pending migrations exactly once, however many instances start at the same
 * moment: on PostgreSQL under a session advisory lock, so the others wait and then find nothing to do. (SQLite
 * serializes writers itself.)
 */
export async function openMigrated(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return dataSource;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
