import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The library's auth_email_token table: confirmation and password-reset links, cascading from users. */
export class EmailTokens1763900000001 implements MigrationInterface {
  name = 'EmailTokens1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'auth_email_token',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'digest', type: 'varchar', length: '64' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'createdAt', type: timestamp },
          { name: 'expiresAt', type: timestamp },
          { name: 'userId', type: 'integer' },
        ],
        indices: [
          { name: 'IDX_auth_email_token_digest', columnNames: ['digest'], isUnique: true },
          { name: 'IDX_auth_email_token_user', columnNames: ['userId'] },
        ],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_email_token');
  }
}
