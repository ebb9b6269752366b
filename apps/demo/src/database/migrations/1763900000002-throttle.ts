import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The library's auth_throttle table: login and mail-request counters shared by every instance. */
export class Throttle1763900000002 implements MigrationInterface {
  name = 'Throttle1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'auth_throttle',
        columns: [
          { name: 'key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'hits', type: 'integer' },
          { name: 'resetAt', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_throttle');
  }
}
