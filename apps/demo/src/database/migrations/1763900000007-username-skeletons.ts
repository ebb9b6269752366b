import { Logger } from '@nestjs/common';
import { usernameSkeleton } from 'nestjs-auth-token';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each username's UTS #39 confusable skeleton, under a unique index: registration refuses a name that looks like
 * another (`ɑdmin` beside `admin`), and the index decides when both register at the same moment.
 */
export class UsernameSkeletons1763900000007 implements MigrationInterface {
  name = 'UsernameSkeletons1763900000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    const placeholder = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "usernameSkeleton" varchar(600)');
    const users = (await queryRunner.query('SELECT "id", "username" FROM "users" ORDER BY "id"')) as {
      id: number;
      username: string;
    }[];
    const taken = new Set<string>();
    let lookAlikes = 0;
    for (const { id, username } of users) {
      const skeleton = usernameSkeleton(username);
      // Look-alikes registered before this rule: the oldest keeps the skeleton, later ones keep their rows and
      // logins with NULL (a new registration still meets the oldest's skeleton).
      if (taken.has(skeleton)) {
        lookAlikes += 1;
        continue;
      }
      taken.add(skeleton);
      const update = `UPDATE "users" SET "usernameSkeleton" = ${placeholder(1)} WHERE "id" = ${placeholder(2)}`;
      await queryRunner.query(update, [skeleton, id]);
    }
    if (lookAlikes > 0) {
      new Logger('Migrations').warn(
        `${lookAlikes} existing users look like an older user's name: left without a skeleton.`,
      );
    }
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_users_username_skeleton" ON "users" ("usernameSkeleton")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_users_username_skeleton"');
    await queryRunner.dropColumn('users', 'usernameSkeleton');
  }
}
