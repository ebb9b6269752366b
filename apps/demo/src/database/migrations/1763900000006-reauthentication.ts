import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * auth_token gains when its user last proved who they are (re-authentication) and, for second-factor
 * challenges, how many wrong codes they took. A login token's last proof so far was its login.
 */
export class Reauthentication1763900000006 implements MigrationInterface {
  name = 'Reauthentication1763900000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.query(`ALTER TABLE "auth_token" ADD COLUMN "authenticatedAt" ${timestamp}`);
    await queryRunner.query(`UPDATE "auth_token" SET "authenticatedAt" = "createdAt" WHERE "kind" = 'login'`);
    await queryRunner.query('ALTER TABLE "auth_token" ADD COLUMN "failures" integer NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['failures', 'authenticatedAt'])
      await queryRunner.query(`ALTER TABLE "auth_token" DROP COLUMN "${column}"`);
  }
}
