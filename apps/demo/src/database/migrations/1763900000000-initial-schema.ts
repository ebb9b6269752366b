import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Users, and the library's auth_token table whose userId cascades from them. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'username', type: 'varchar', length: '150' },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'password', type: 'varchar', length: '255' },
          { name: 'isActive', type: 'boolean', default: true },
          { name: 'emailConfirmed', type: 'boolean', default: false },
        ],
      }),
    );
    // Case-insensitive uniqueness enforced by the database, not by a read before the write.
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_users_username_lower" ON "users" (lower("username"))');
    await queryRunner.createTable(
      new Table({
        name: 'auth_token',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'digest', type: 'varchar', length: '64' },
          { name: 'createdAt', type: timestamp },
          { name: 'expiresAt', type: timestamp },
          { name: 'lastUsedAt', type: timestamp },
          { name: 'userAgent', type: 'varchar', length: '512', isNullable: true },
          { name: 'userId', type: 'integer' },
        ],
        indices: [
          { name: 'IDX_auth_token_digest', columnNames: ['digest'], isUnique: true },
          { name: 'IDX_auth_token_user', columnNames: ['userId'] },
        ],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_token');
    await queryRunner.dropTable('users');
  }
}
