import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The library's auth_mfa table: one TOTP second factor per user (secret encrypted), cascading from users. */
export class Mfa1763900000005 implements MigrationInterface {
  name = 'Mfa1763900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'auth_mfa',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'secret', type: 'varchar', length: '200' },
          { name: 'enabledAt', type: timestamp, isNullable: true },
          { name: 'lastUsedStep', type: 'bigint', isNullable: true },
          { name: 'recoveryCodes', type: 'varchar', length: '1000', default: "''" },
          { name: 'createdAt', type: timestamp },
          { name: 'userId', type: 'integer' },
        ],
        indices: [{ name: 'IDX_auth_mfa_user', columnNames: ['userId'] }],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_mfa');
  }
}
