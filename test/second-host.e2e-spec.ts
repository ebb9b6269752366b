import { createHmac } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenConfigError, AuthTokenModule, PasswordHasher, TypeOrmUserStore, UserStore } from 'nestjs-auth-token';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, ACCOUNT_PEPPER, AccountHostModule, accountAuthOptions } from './fixtures/account-host.js';
import { json, type AccountAnswer, type LoginResponse } from './fixtures/answers.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './fixtures/databases.js';
import { match } from './fixtures/matchers.js';

describe.each(TEST_DATABASES)('a second host with its own User entity (%s)', (db) => {
  let database: TestDatabase;
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;
  let ada: Account;

  async function createAccount(emailAddress: string, password: string, displayName: string): Promise<Account> {
    const repository = app.get(DataSource).getRepository(Account);
    const passwordHash = await app.get(PasswordHasher).hash(password);
    return repository.save(repository.create({ emailAddress, passwordHash, displayName }));
  }

  beforeAll(async () => {
    database = await createTestDatabase(db);
    const moduleRef = await Test.createTestingModule({
      imports: [
        AccountHostModule.register(db === 'sqlite' ? { type: 'sqlite' } : { type: 'postgres', url: database.url }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    http = () => request(url);
    ada = await createAccount('ada@example.com', 'analytical engine', 'Ada');
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const login = (username: string, password: string) =>
    json<LoginResponse<AccountAnswer>>(http().post('/account/login').send({ username, password }));

  it('logs in by e-mail (case-insensitively) at its own route prefix, with its serializer and token prefix', async () => {
    const response = await login('ADA@example.com', 'analytical engine');
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^acme_[0-9A-Za-z]{49}$/);
    expect(response.body.user).toEqual({ uuid: ada.uuid, email: 'ada@example.com', name: 'Ada' });
    expect(ada.uuid).toMatch(/^[0-9a-f-]{36}$/);
    await http().post('/auth/login').send({ username: 'ada@example.com', password: 'analytical engine' }).expect(404);
  });

  it('guards every route through the global guard, except @Public() ones, and exposes the token row', async () => {
    const { body } = await login('ada@example.com', 'analytical engine');
    const anonymous = await http().get('/things');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="api"');
    const guarded = await http().get('/things').set('Authorization', `Bearer ${body.token}`);
    expect(guarded.status).toBe(200);
    expect(guarded.body).toEqual({ owner: 'Ada', tokenId: match.stringMatching(/^[0-9a-f-]{36}$/) });
    await http().get('/things/open').expect(200, { open: true });
    await http().get('/things/via-passport').set('Authorization', `Token ${body.token}`).expect(200, { owner: 'Ada' });
    await http().get('/things/via-passport').expect(401);
    const me = await http().get('/account/me').set('Authorization', `Token ${body.token}`);
    expect(me.body).toEqual({ uuid: ada.uuid, email: 'ada@example.com', name: 'Ada' });
  });

  it('stores HMAC-SHA-256 digests keyed with the pepper', async () => {
    const { body } = await login('ada@example.com', 'analytical engine');
    const digest = createHmac('sha256', ACCOUNT_PEPPER).update(body.token).digest('hex');
    const rows: { digest: string }[] = await app.get(DataSource).query('SELECT digest FROM auth_token');
    expect(rows.map((row) => row.digest)).toContain(digest);
    expect(JSON.stringify(rows)).not.toContain(body.token);
  });

  it('refuses a disabled account (its isActive field is "enabled")', async () => {
    const grace = await createAccount('grace@example.com', 'compiler', 'Grace');
    const { body } = await login('grace@example.com', 'compiler');
    await app.get(DataSource).getRepository(Account).update(grace.uuid, { enabled: false });
    await http().get('/things').set('Authorization', `Token ${body.token}`).expect(401);
    const again = await login('grace@example.com', 'compiler');
    expect(again.status).toBe(401);
  });

  it('deletes the tokens of a deleted account through the uuid foreign key', async () => {
    const linus = await createAccount('linus@example.com', 'kernel', 'Linus');
    const { body } = await login('linus@example.com', 'kernel');
    await app.get(DataSource).getRepository(Account).delete(linus.uuid);
    const rows: unknown[] = await app
      .get(DataSource)
      .query('SELECT id FROM auth_token WHERE "userId" = ' + (db === 'sqlite' ? '?' : '$1'), [linus.uuid]);
    expect(rows).toHaveLength(0);
    await http().get('/things').set('Authorization', `Token ${body.token}`).expect(401);
  });
});

describe('configuration errors stop the boot with a message naming the option', () => {
  async function boot(auth: ReturnType<typeof AuthTokenModule.forRoot>, entities?: Type<object>[]) {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: ':memory:',
          synchronize: true,
          autoLoadEntities: !entities,
          entities,
        }),
        auth,
      ],
    }).compile();
    await moduleRef.close();
  }

  async function bootError(
    auth: () => ReturnType<typeof AuthTokenModule.forRoot>,
    entities?: Type<object>[],
  ): Promise<AuthTokenConfigError> {
    try {
      await boot(auth(), entities);
    } catch (error) {
      if (error instanceof AuthTokenConfigError) return error;
      throw error;
    }
    throw new Error('the module booted');
  }

  it('names userEntity when it is missing', async () => {
    // @ts-expect-error: the compiler refuses it too; this is the start-up check for hosts written in JavaScript.
    const error = await bootError(() => AuthTokenModule.forRoot({}));
    expect(error.option).toBe('userEntity');
    expect(error.message).toMatch(/^AuthTokenModule option "userEntity" is required/);
  });

  it('names a user field that is not a column of the entity', async () => {
    const error = await bootError(() =>
      // @ts-expect-error: the compiler refuses it too; this is the start-up check for hosts written in JavaScript.
      AuthTokenModule.forRoot({ userEntity: Account, userFields: { username: 'emailAddress', password: 'pwd' } }),
    );
    expect(error.option).toBe('userFields.password');
    expect(error.message).toContain('"pwd", which is not a column of the Account entity');
  });

  it('names a bad option returned by a forRootAsync factory', async () => {
    const error = await bootError(() =>
      AuthTokenModule.forRootAsync({
        userEntity: Account,
        useFactory: () => ({ ...accountAuthOptions(), tokens: { ttl: -5 } }),
      }),
    );
    expect(error.option).toBe('tokens.ttl');
  });

  it('names a misspelt top-level key of forRootAsync with the nearest one', async () => {
    const error = await bootError(() =>
      // @ts-expect-error: the compiler refuses it too; this is the start-up check for hosts written in JavaScript.
      AuthTokenModule.forRootAsync({ userEntity: Account, routPrefix: 'api/auth', useFactory: accountAuthOptions }),
    );
    expect(error.option).toBe('routPrefix');
    expect(error.message).toBe(
      'forRootAsync() key "routPrefix" is not taken by AuthTokenModule.forRootAsync(); did you mean "routePrefix"?',
    );
  });

  it('says that a user field left unset fell back to its default', async () => {
    const error = await bootError(() =>
      AuthTokenModule.forRoot({ userEntity: Account, userFields: { username: 'emailAddress' } }),
    );
    expect(error.option).toBe('userFields.password');
    expect(error.message).toContain('is not set, and its default "password" is not a column of the Account entity');
  });

  it('says how to register the AuthToken entity when the DataSource lacks it', async () => {
    const error = await bootError(
      () => AuthTokenModule.forRoot({ userEntity: Account, ...accountAuthOptions() }),
      [Account],
    );
    expect(error.message).toContain('autoLoadEntities');
  });
});

/** A host rule: e-mail addresses must match exactly. */
class ExactEmailStore extends TypeOrmUserStore<Account> {
  override findByLogin(login: string): Promise<Account | null> {
    return this.repository.findOneBy({ emailAddress: login });
  }
}

describe.each(TEST_DATABASES)('a userStore class given by the host (%s)', (db) => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase(db);
    const typeorm =
      db === 'sqlite'
        ? { type: 'better-sqlite3' as const, database: ':memory:' }
        : { type: 'postgres' as const, url: database.url };
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ ...typeorm, autoLoadEntities: true, synchronize: true }),
        AuthTokenModule.forRoot({ userEntity: Account, ...accountAuthOptions(), userStore: ExactEmailStore }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const repository = app.get(DataSource).getRepository(Account);
    const passwordHash = await app.get(PasswordHasher).hash('pw of max');
    await repository.save(repository.create({ emailAddress: 'max@example.com', passwordHash, displayName: 'Max' }));
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('is instantiated with the injected repository and decides how logins match', async () => {
    expect(app.get(UserStore)).toBeInstanceOf(ExactEmailStore);
    const url = await app.getUrl();
    await request(url).post('/auth/login').send({ username: 'max@example.com', password: 'pw of max' }).expect(200);
    await request(url).post('/auth/login').send({ username: 'MAX@example.com', password: 'pw of max' }).expect(401);
  });
});
