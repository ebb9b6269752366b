import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The library's passkey tables, cascading from users: auth_passkey (one row per passkey: credential id, public
 * key, signature counter) and auth_passkey_challenge (the challenges of ceremonies under way; a login's has no
 * user yet).
 */
export class Passkeys1763900000010 implements MigrationInterface {
  name = 'Passkeys1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const cascadeFromUser = {
      columnNames: ['userId'],
      referencedTableName: 'users',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    };
    await queryRunner.createTable(
      new Table({
        name: 'auth_passkey',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'credentialId', type: 'varchar', length: '1400' },
          { name: 'publicKey', type: 'text' },
          { name: 'counter', type: 'bigint', default: 0 },
          { name: 'transports', type: 'varchar', length: '200', default: "''" },
          { name: 'deviceType', type: 'varchar', length: '16' },
          { name: 'backedUp', type: 'boolean', default: false },
          { name: 'aaguid', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'createdAt', type: timestamp },
          { name: 'lastUsedAt', type: timestamp, isNullable: true },
          { name: 'userId', type: 'integer' },
        ],
        indices: [
          { name: 'IDX_auth_passkey_credential', columnNames: ['credentialId'], isUnique: true },
          { name: 'IDX_auth_passkey_user', columnNames: ['userId'] },
        ],
        foreignKeys: [cascadeFromUser],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'auth_passkey_challenge',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'challenge', type: 'varchar', length: '64' },
          { name: 'ceremony', type: 'varchar', length: '16' },
          { name: 'createdAt', type: timestamp },
          { name: 'expiresAt', type: timestamp },
          { name: 'userId', type: 'integer', isNullable: true },
        ],
        indices: [
          { name: 'IDX_auth_passkey_challenge_expires', columnNames: ['expiresAt'] },
          { name: 'IDX_auth_passkey_challenge_user', columnNames: ['userId'] },
        ],
        foreignKeys: [cascadeFromUser],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_passkey_challenge');
    await queryRunner.dropTable('auth_passkey');
  }
}
