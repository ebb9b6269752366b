import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, UseGuards, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AuthTokenConfigError,
  AuthTokenGuard,
  AuthTokenModule,
  CurrentUser,
  Mailer,
  OptionalAuth,
  PasswordHasher,
  UserStore,
  type AuthTokenOptions,
  type MailMessage,
} from 'nestjs-auth-token';
import request from 'supertest';
import { Column, DataSource, Entity, Index, PrimaryColumn } from 'typeorm';
import { json, type FieldErrorsBody, type LoginResponse } from './fixtures/answers.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase, type TestDatabaseKind } from './fixtures/databases.js';

const PASSWORD = 'violet staple battery';

/** A host whose login is the e-mail address: one column for both. */
@Entity('members')
class Member {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 600, nullable: true })
  canonicalUsername!: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20, default: 'member' })
  role!: string;
}

/** Not a TypeORM entity: no @Entity(). */
class NotAnEntity {
  id!: number;
}

/** An entity without an e-mail column. */
@Entity('nameonly')
class NameOnly {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 150 })
  username!: string;

  @Column({ type: 'varchar', length: 255 })
  password!: string;
}

@Controller('feed')
class FeedController {
  @Get()
  @UseGuards(AuthTokenGuard)
  @OptionalAuth()
  feed(@CurrentUser() member: Member | null) {
    return { viewer: member ? member.email : null };
  }
}

class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];
  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

const memberFields = { username: 'email', password: 'passwordHash' } as const;

/** PostgreSQL replication settings of a DataSource: one database standing in for the primary and its replica. */
type Replication = { defaultMode?: 'master' | 'slave' };

function typeorm(
  kind: TestDatabaseKind,
  url: string,
  entities: unknown[],
  synchronize = true,
  replication?: Replication,
) {
  const connection =
    kind === 'sqlite'
      ? { type: 'better-sqlite3' as const, database: ':memory:' }
      : replication
        ? { type: 'postgres' as const, replication: { master: { url }, slaves: [{ url }], ...replication } }
        : { type: 'postgres' as const, url };
  return TypeOrmModule.forRoot({ ...connection, entities: entities as never, synchronize, retryAttempts: 0 });
}

async function boot(
  kind: TestDatabaseKind,
  url: string,
  options: Partial<AuthTokenOptions> & { userEntity: new () => object },
  synchronize = true,
  replication?: Replication,
): Promise<NestExpressApplication> {
  const { userEntity, ...rest } = options;
  const entities = [userEntity, ...(await import('nestjs-auth-token')).authTokenEntities(userEntity)];
  @Module({
    imports: [
      typeorm(kind, url, entities, synchronize, replication),
      AuthTokenModule.forRoot({ userEntity, scrypt: { cost: 1024 }, ...rest }),
    ],
    controllers: [FeedController],
  })
  class HostModule {}
  const moduleRef = await Test.createTestingModule({ imports: [HostModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await app.init();
  return app;
}

describe.each(TEST_DATABASES)('what a new host gets wrong, and what it is told (%s)', (kind) => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await database.drop();
  });

  it('refuses a User class that is not a TypeORM entity at start-up, in one line', async () => {
    const start = boot(kind, database.url, { userEntity: NotAnEntity });
    await expect(start).rejects.toThrow(AuthTokenConfigError);
    await expect(start).rejects.toThrow(
      '"userEntity" must be a TypeORM entity: NotAnEntity has no @Entity() decorator',
    );
  });

  it('refuses password reset on an entity without an e-mail column', async () => {
    await expect(
      boot(kind, database.url, { userEntity: NameOnly, passwordReset: { url: 'https://app.test/reset#' } }),
    ).rejects.toThrow(/"userFields.email" must name a column of the NameOnly entity when passwordReset.url is set/);
  });

  it('names the missing tables at start-up when no migration created them', async () => {
    // The host's own table exists; the library's do not (synchronize off, no migration).
    const start = boot(kind, database.url, { userEntity: NameOnly }, false);
    await expect(start).rejects.toThrow(
      /needs the library's tables, but the database says: auth_token: .*(no such table|does not exist)/,
    );
    await expect(start).rejects.toThrow(/migration:generate/);
  });

  if (kind === 'postgres') {
    it('refuses a DataSource whose reads go to replicas by default, and starts when they default to the primary', async () => {
      const start = boot(kind, database.url, { userEntity: NameOnly }, true, {});
      await expect(start).rejects.toThrow(AuthTokenConfigError);
      await expect(start).rejects.toThrow(/"replication.defaultMode" of the TypeORM DataSource must be 'master'/);
      apps.push(await boot(kind, database.url, { userEntity: NameOnly }, true, { defaultMode: 'master' }));
    });
  }

  describe('with the e-mail address as the login', () => {
    let app: NestExpressApplication;
    const mailer = new RecordingMailer();
    const http = () => request(app.getHttpServer());

    beforeEach(async () => {
      app = await boot(kind, database.url, {
        userEntity: Member,
        userFields: memberFields,
        registration: { enabled: true },
        passwordReset: { url: 'https://app.test/reset#' },
        mailer,
      });
      apps.push(app);
      mailer.sent.length = 0;
    });

    it('registers with the address given as username, as email, or as both when equal', async () => {
      await http().post('/auth/register').send({ username: 'ann@example.com', password: PASSWORD }).expect(201);
      await http().post('/auth/register').send({ email: 'cat@example.com', password: PASSWORD }).expect(201);
      await http()
        .post('/auth/register')
        .send({ username: 'dan@example.com', email: 'DAN@example.com', password: PASSWORD })
        .expect(201);
      for (const email of ['ann@example.com', 'cat@example.com', 'dan@example.com']) {
        const login = await http().post('/auth/login').send({ username: email, password: PASSWORD });
        expect({ email, status: login.status }).toEqual({ email, status: 200 });
      }
      const rows = await app
        .get(DataSource)
        .getRepository(Member)
        .find({ order: { email: 'ASC' } });
      expect(rows.map((row) => [row.email, row.role])).toEqual([
        ['ann@example.com', 'member'],
        ['cat@example.com', 'member'],
        ['dan@example.com', 'member'],
      ]);
    });

    it('refuses two different values with a 400 naming email, and a login that is no address with a 400 naming username', async () => {
      const different = await json<FieldErrorsBody>(
        http()
          .post('/auth/register')
          .send({ username: 'bob@example.com', email: 'other@example.com', password: PASSWORD }),
      );
      expect(different.status).toBe(400);
      expect(Object.keys(different.body.errors)).toEqual(['email']);
      const notAnAddress = await json<FieldErrorsBody>(
        http().post('/auth/register').send({ username: 'bob', password: PASSWORD }),
      );
      expect(notAnAddress.status).toBe(400);
      expect(notAnAddress.body.errors).toEqual({ username: ['email must be an email'] });
      expect(await app.get(DataSource).getRepository(Member).count()).toBe(0);
    });

    it('mails the reset link to the login address', async () => {
      await http().post('/auth/register').send({ username: 'eve@example.com', password: PASSWORD }).expect(201);
      await http().post('/auth/password/reset').send({ email: 'eve@example.com' }).expect(202);
      await app.get((await import('nestjs-auth-token/testing')).MailQueue).drain();
      expect(mailer.sent.map((mail) => mail.to)).toEqual(['eve@example.com']);
    });

    it('says a missing login field is required, not that it is too long', async () => {
      const response = await json<FieldErrorsBody>(http().post('/auth/login').send({ username: 'ann@example.com' }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual({ password: ['password is required'] });
    });

    it('gives @OptionalAuth() routes the user with a valid token, null without one, and a 401 for a bad one', async () => {
      const member = await app
        .get(UserStore)
        .create({ username: 'fay@example.com', passwordHash: await app.get(PasswordHasher).hash(PASSWORD) });
      expect(member).toBeInstanceOf(Member);
      const login = http().post('/auth/login').send({ username: 'fay@example.com', password: PASSWORD });
      const { token } = (await json<LoginResponse<unknown>>(login.expect(200))).body;
      expect((await http().get('/feed').expect(200)).body).toEqual({ viewer: null });
      expect((await http().get('/feed').set('Authorization', `Bearer ${token}`).expect(200)).body).toEqual({
        viewer: 'fay@example.com',
      });
      const stale = await http().get('/feed').set('Authorization', 'Bearer nat_not-a-real-token');
      expect(stale.status).toBe(401);
      expect(stale.headers['www-authenticate']).toContain('error="invalid_token"');
    });

    it('answers a schema fault with 500, not 503 (which means: try again later)', async () => {
      await app.get(DataSource).query('DROP TABLE auth_throttle');
      const response = await http().post('/auth/login').send({ username: 'ann@example.com', password: PASSWORD });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ statusCode: 500, message: 'Internal Server Error' });
    });
  });
});
