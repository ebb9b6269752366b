import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** API tokens live in auth_token beside login tokens: their kind, name, scopes, and the expiry notice. */
export class ApiTokens1763900000004 implements MigrationInterface {
  name = 'ApiTokens1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query(`ALTER TABLE "auth_token" ADD COLUMN "kind" varchar(8) NOT NULL DEFAULT 'login'`);
    await queryRunner.query('ALTER TABLE "auth_token" ADD COLUMN "name" varchar(100)');
    await queryRunner.query('ALTER TABLE "auth_token" ADD COLUMN "scopes" varchar(2000)');
    await queryRunner.query(`ALTER TABLE "auth_token" ADD COLUMN "expiryNoticeAt" ${timestamp}`);
    // An API token is unused until its first request: lastUsedAt may be null now.
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('ALTER TABLE "auth_token" ALTER COLUMN "lastUsedAt" DROP NOT NULL');
    } else {
      // SQLite cannot drop a NOT NULL: TypeORM rebuilds the table (rows, indices and foreign key kept).
      await queryRunner.changeColumn(
        'auth_token',
        'lastUsedAt',
        new TableColumn({ name: 'lastUsedAt', type: timestamp, isNullable: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['expiryNoticeAt', 'scopes', 'name', 'kind'])
      await queryRunner.query(`ALTER TABLE "auth_token" DROP COLUMN "${column}"`);
  }
}
