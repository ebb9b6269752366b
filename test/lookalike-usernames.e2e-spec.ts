import { jest } from '@jest/globals';
import { Logger, type LoggerService, type Type } from '@nestjs/common';
import { UserAlreadyExistsError, usernameSkeleton } from 'nestjs-auth-token';
import { DataSource, type MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../apps/demo/src/database/data-source-options.js';
import { UsernameSkeletons1763900000007 as UsernameSkeletons } from '../apps/demo/src/database/migrations/1763900000007-username-skeletons.js';
import { json, type FieldErrorsBody } from './fixtures/answers.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './fixtures/databases.js';
import { startDemoApp } from './fixtures/demo-app.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const PASSWORD = 'violet staple battery';
const TAKEN = 'A user with that username already exists.';
const MIXED = 'The username must not mix scripts (such as Latin and Cyrillic).';
const refused = (message: string) => ({
  statusCode: 400,
  error: 'Bad Request',
  message: [message],
  errors: { username: [message] },
});

describe.each(TEST_DATABASES)('look-alike usernames (UTS #39) (%s)', (db) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { options: { registration: { enabled: true } } });
  });
  afterAll(() => host.close());
  // Registrations are limited to 20 per client IP per window, and every request here comes from 127.0.0.1.
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const register = (username: string) => host.http().post('/auth/register').send({ username, password: PASSWORD });
  const countUsers = async () => {
    const [{ n }] = await host.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM users');
    return Number(n);
  };

  it.each([
    ['bоb, Latin with a Cyrillic о', 'b\u043eb'],
    ['pаypal, Latin with a Cyrillic а', 'p\u0430ypal'],
  ])('refuses %s, naming the field, and stores nothing', async (_case, username) => {
    const before = await countUsers();
    const response = await json<FieldErrorsBody>(register(username));
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: refused(MIXED) });
    expect(await countUsers()).toBe(before);
  });

  it.each([
    ['Cyrillic', 'Дмитрий'],
    ['Han', '山田太郎'],
    ['Latin with a diaeresis', 'Zoë'],
    ['Greek', 'Ελένη'],
    ['Latin, Han and Hiragana', '山田たろうTaro'],
  ])('accepts a name in %s, which then logs in', async (_case, username) => {
    await register(username).expect(201);
    await host.login(username, PASSWORD);
  });

  it('refuses ɑdmin (Latin alpha) and Cyrillic сор as taken beside admin and cop; stores the skeleton', async () => {
    await register('admin').expect(201);
    await register('cop').expect(201);
    const before = await countUsers();
    for (const lookAlike of ['\u0251dmin', '\u0441\u043e\u0440']) {
      const response = await json<FieldErrorsBody>(register(lookAlike));
      const outcome = { lookAlike, status: response.status, body: response.body };
      expect(outcome).toEqual({ lookAlike, status: 400, body: refused(TAKEN) });
    }
    expect(await countUsers()).toBe(before);
    const rows = await host.query('SELECT "usernameSkeleton" FROM users WHERE username = $1', ['admin']);
    expect(rows).toEqual([{ usernameSkeleton: usernameSkeleton('\u0251dmin') }]);
  });

  it('has the unique index refuse a look-alike that no read caught (UserAlreadyExistsError)', async () => {
    const lookAlike = 'r\u1d0f\u1d0ft'; // ᴏ: LATIN LETTER SMALL CAPITAL O
    expect(usernameSkeleton(lookAlike)).toBe(usernameSkeleton('root'));
    await host.createUser({ username: 'root', password: PASSWORD });
    const second = host.createUser({ username: lookAlike, password: PASSWORD });
    await expect(second).rejects.toBeInstanceOf(UserAlreadyExistsError);
  });

  it('gives one of two parallel look-alike registrations a 201, the other the duplicate 400, five times', async () => {
    for (let round = 0; round < 5; round += 1) {
      const names = [`admin${round}x`, `\u0251dmin${round}x`];
      const responses = await Promise.all(names.map((name) => json<FieldErrorsBody>(register(name))));
      const outcome = responses
        .map((response) => ({ status: response.status, body: response.status === 201 ? null : response.body }))
        .sort((a, b) => a.status - b.status);
      expect(outcome).toEqual([
        { status: 201, body: null },
        { status: 400, body: refused(TAKEN) },
      ]);
      const winner = names[responses.findIndex((response) => response.status === 201)];
      const rows = await host.query('SELECT username FROM users WHERE username IN ($1, $2)', names);
      expect(rows).toEqual([{ username: winner }]);
    }
  });
});

describe.each(TEST_DATABASES)('look-alike usernames on an entity without a usernameSkeleton column (%s)', (db) => {
  let host: LibraryTestApp;
  const warnings: string[] = [];
  const logger: LoggerService = {
    log: () => undefined,
    error: () => undefined,
    warn: (message: unknown) => warnings.push(String(message)),
  };

  beforeAll(async () => {
    const options = { registration: { enabled: true }, userFields: { usernameSkeleton: null } };
    host = await startLibraryHost(db, { options, logger });
  });
  afterAll(() => host.close());

  it('warns at start-up, and still refuses a look-alike of a name past the first thousand rows', async () => {
    expect(warnings.filter((line) => line.includes('no usernameSkeleton column'))).toHaveLength(1);
    const values = Array.from({ length: 1500 }, (_, i) => `('member${i}', 'not a hash')`).join(', ');
    await host.query(`INSERT INTO users (username, password) VALUES ${values}`);
    const register = (username: string) => host.http().post('/auth/register').send({ username, password: PASSWORD });
    const lookAlike = await json<FieldErrorsBody>(register('rnember1234')); // rn looks like m
    expect({ status: lookAlike.status, body: lookAlike.body }).toEqual({ status: 400, body: refused(TAKEN) });
    await register('member1500').expect(201);
  });
});

describe.each(TEST_DATABASES)("the demo's username-skeleton migration and registration (%s)", (db) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(db);
    const options = dataSourceOptions(
      db === 'postgres' ? { type: 'postgres', url: database.url } : { type: 'sqlite', file: ':memory:' },
    );
    const migrations = options.migrations as Type<MigrationInterface>[];
    const earlier = migrations.filter((migration) => migration !== UsernameSkeletons);
    dataSource = await new DataSource({ ...options, migrations: earlier, migrationsRun: false }).initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('fills the skeleton of existing users (the oldest of look-alikes keeps it) and indexes it uniquely', async () => {
    const p = (n: number) => (db === 'postgres' ? `$${n}` : '?');
    for (const name of ['admin', '\u0251dmin', 'bob']) {
      const insert = `INSERT INTO users (username, "canonicalUsername", password) VALUES (${p(1)}, ${p(2)}, 'x')`;
      await dataSource.query(insert, [name, name]);
    }
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const queryRunner = dataSource.createQueryRunner();
    try {
      await new UsernameSkeletons().up(queryRunner);
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toEqual([expect.stringMatching(/^1 existing users look like/)]);
    } finally {
      warn.mockRestore();
      await queryRunner.release();
    }
    const rows = await dataSource.query<{ username: string; usernameSkeleton: string | null }[]>(
      'SELECT username, "usernameSkeleton" FROM users ORDER BY id',
    );
    expect(rows).toEqual([
      { username: 'admin', usernameSkeleton: usernameSkeleton('admin') },
      { username: '\u0251dmin', usernameSkeleton: null },
      { username: 'bob', usernameSkeleton: 'bob' },
    ]);
    const update = `UPDATE users SET "usernameSkeleton" = ${p(1)} WHERE username = 'bob'`;
    const duplicate = dataSource.query(update, [usernameSkeleton('admin')]);
    await expect(duplicate).rejects.toThrow(/unique|UNIQUE/);
  });

  it('refuses ɑdmin beside admin over HTTP in the demo', async () => {
    const demo = await startDemoApp(db);
    try {
      await demo.http().post('/auth/register').send({ username: 'admin', password: PASSWORD }).expect(201);
      const response = await json<FieldErrorsBody>(
        demo.http().post('/auth/register').send({ username: '\u0251dmin', password: PASSWORD }),
      );
      expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: refused(TAKEN) });
    } finally {
      await demo.close();
    }
  });
});
