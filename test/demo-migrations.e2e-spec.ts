import type { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/demo/src/database/data-source-options.js';
import { openMigrated } from '../apps/demo/src/database/migrate-under-lock.js';
import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';

// PostgreSQL only: that is where instances share one database and could run the migrations at the same time.
describe("the demo's migrations, several instances starting together on an empty PostgreSQL database", () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  it('runs each migration exactly once, and every instance opens', async () => {
    const options = dataSourceOptions({ type: 'postgres', url: database.url });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => openMigrated(options)));
    for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'opened'))).toEqual(
      Array(4).fill('opened'),
    );
    const rows: { name: string }[] = await opened[0].query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((row) => row.name)).toEqual(
      (options.migrations as { name: string }[]).map((migration) => migration.name),
    );
  });
});
