import { canonicalUsername } from 'nestjs-auth-token';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames compared in their canonical form (NFKC and full case folding) through a unique index on a column
 * of their own, on SQLite as on PostgreSQL (SQLite's lower() folds ASCII only); and the client IP of each login
 * token, shown in the sessions list.
 */
export class CanonicalUsernamesAndSessionIp1763900000003 implements MigrationInterface {
  name = 'CanonicalUsernamesAndSessionIp1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const placeholder = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "canonicalUsername" varchar(600)');
    const users = (await queryRunner.query('SELECT "id", "username" FROM "users" ORDER BY "id"')) as {
      id: number;
      username: string;
    }[];
    const taken = new Set<string>();
    for (const { id, username } of users) {
      const canonical = canonicalUsername(username);
      // Names that only the old index told apart (Émile and émile on SQLite): the oldest account keeps the
      // name, a later look-alike keeps its row but can no longer log in until an admin renames it.
      if (taken.has(canonical)) continue;
      taken.add(canonical);
      await queryRunner.query(
        `UPDATE "users" SET "canonicalUsername" = ${placeholder(1)} WHERE "id" = ${placeholder(2)}`,
        [canonical, id],
      );
    }
    await queryRunner.query('DROP INDEX "IDX_users_username_lower"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_users_canonical_username" ON "users" ("canonicalUsername")');
    await queryRunner.query('ALTER TABLE "auth_token" ADD COLUMN "ip" varchar(45)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('auth_token', 'ip');
    await queryRunner.query('DROP INDEX "IDX_users_canonical_username"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_users_username_lower" ON "users" (lower("username"))');
    await queryRunner.dropColumn('users', 'canonicalUsername');
  }
}
