import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The library's security log (auth_security_event: each user's security events, kept 90 days) and the devices
 * each user signed in from (auth_known_device: the new-device notice), both cascading from users.
 */
export class SecurityLogAndKnownDevices1763900000008 implements MigrationInterface {
  name = 'SecurityLogAndKnownDevices1763900000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const user = {
      column: { name: 'userId', type: 'integer' },
      foreignKey: {
        columnNames: ['userId'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      },
    };
    await queryRunner.createTable(
      new Table({
        name: 'auth_security_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'at', type: timestamp },
          { name: 'ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'device', type: 'varchar', length: '100', isNullable: true },
          user.column,
        ],
        indices: [
          { name: 'IDX_auth_security_event_user', columnNames: ['userId'] },
          { name: 'IDX_auth_security_event_at', columnNames: ['at'] },
        ],
        foreignKeys: [user.foreignKey],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'auth_known_device',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'device', type: 'varchar', length: '100' },
          { name: 'firstSeenAt', type: timestamp },
          { name: 'lastSeenAt', type: timestamp },
          user.column,
        ],
        indices: [
          { name: 'IDX_auth_known_device_user', columnNames: ['userId'] },
          { name: 'IDX_auth_known_device_user_device', columnNames: ['userId', 'device'], isUnique: true },
        ],
        foreignKeys: [user.foreignKey],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_known_device');
    await queryRunner.dropTable('auth_security_event');
  }
}
