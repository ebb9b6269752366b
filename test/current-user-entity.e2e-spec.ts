import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TokenService } from 'nestjs-auth-token';
import request from 'supertest';
import { DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { json } from './fixtures/answers.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase, type TestDatabaseKind } from './fixtures/databases.js';
import { Address } from './fixtures/entity-host/address.js';
import { EntityHostModule, type EntityHostVariant } from './fixtures/entity-host/entity-host.module.js';
import { PlainUser, Team } from './fixtures/entity-host/plain-user.entity.js';
import { Profile, User } from './fixtures/entity-host/rich-user.entity.js';
import { match } from './fixtures/matchers.js';
import { forgottenToken } from './fixtures/tokens.js';

interface EntityHost {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

async function startEntityHost(db: TestDatabaseKind, variant: EntityHostVariant): Promise<EntityHost> {
  const database: TestDatabase = await createTestDatabase(db);
  const moduleRef = await Test.createTestingModule({
    imports: [
      EntityHostModule.register(
        variant,
        db === 'sqlite' ? { type: 'sqlite' } : { type: 'postgres', url: database.url },
      ),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    http: () => request(url),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The JSON a route returning this value sends. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Spies on the repository's loads (the guard's repository path uses `find`). */
function spyOnLoads(repository: Repository<ObjectLiteral>) {
  const spies = [
    jest.spyOn(repository, 'find'),
    jest.spyOn(repository, 'findOne'),
    jest.spyOn(repository, 'findOneBy'),
  ];
  return { count: () => spies.reduce((calls, spy) => calls + spy.mock.calls.length, 0) };
}

describe.each(TEST_DATABASES)('@CurrentUser() is the entity the host repository loads (%s)', (db) => {
  afterEach(() => jest.restoreAllMocks());

  describe('a User with an eager relation, @AfterLoad, a transformer, an embedded column and a subscriber', () => {
    let host: EntityHost;
    let users: Repository<User>;
    let ada: User;
    let token: string;

    beforeAll(async () => {
      host = await startEntityHost(db, 'rich');
      users = host.app.get(DataSource).getRepository(User);
      ada = await users.save(
        users.create({
          username: 'ada',
          password: 'not used here',
          roles: ['admin', 'editor'],
          address: { city: 'London', zip: 'W1' },
          profile: { bio: 'Analyst' },
        }),
      );
      ({ token } = await host.app.get(TokenService).issue(ada));
    });
    afterAll(() => host.close());

    it('sends, through the guard, the JSON of what findOneBy returns, every feature included', async () => {
      const response = await json<Record<string, unknown>>(
        host.http().get('/entity-host/me').set('Authorization', `Bearer ${token}`),
      );
      expect(response.status).toBe(200);
      const expected = asJson(await users.findOneBy({ id: ada.id })) as Record<string, unknown>;
      // Named per feature, so that a failure says which one the guard's user lacks.
      const features = (user: Record<string, unknown>) => ({
        'eager relation (profile)': user.profile,
        '@AfterLoad hook (displayName)': user.displayName,
        'column transformer (roles)': user.roles,
        'embedded column (address)': user.address,
        'subscriber afterLoad (loadedBy)': user.loadedBy,
      });
      expect(features(expected)).toEqual({
        'eager relation (profile)': { id: match.any(Number), bio: 'Analyst' },
        '@AfterLoad hook (displayName)': 'ada (admin/editor)',
        'column transformer (roles)': ['admin', 'editor'],
        'embedded column (address)': { city: 'London', zip: 'W1' },
        'subscriber afterLoad (loadedBy)': 'subscriber',
      });
      expect(features(response.body)).toEqual(features(expected));
      expect(response.body).toEqual(expected);
    });

    it('returns from TokenService.authenticate an equal User instance, loaded through the repository', async () => {
      const loads = spyOnLoads(users);
      const found = await host.app.get(TokenService).authenticate(token);
      expect(loads.count()).toBe(1);
      expect(found?.user).toBeInstanceOf(User);
      expect(found?.user).toStrictEqual(await users.findOneBy({ id: ada.id }));
      const user = found?.user as User;
      expect(user.profile).toBeInstanceOf(Profile);
      expect(user.address).toBeInstanceOf(Address);
    });

    it('still refuses an unknown (well-formed) token without loading a user', async () => {
      const unknown = await forgottenToken(host.app, ada);
      const loads = spyOnLoads(users);
      const response = await host.http().get('/entity-host/me').set('Authorization', `Bearer ${unknown}`);
      expect(response.status).toBe(401);
      expect(loads.count()).toBe(0);
    });
  });

  describe('a plain User (no eager relation, load listener or subscriber)', () => {
    let host: EntityHost;
    let users: Repository<PlainUser>;
    let grace: PlainUser;
    let token: string;

    async function createUser(username: string, teamId: number | null): Promise<PlainUser> {
      return users.save(
        users.create({
          username,
          password: 'not used here',
          roles: ['dev'],
          address: { city: 'Arlington', zip: null },
          secretNote: 'hidden',
          teamId,
        }),
      );
    }

    beforeAll(async () => {
      host = await startEntityHost(db, 'plain');
      users = host.app.get(DataSource).getRepository(PlainUser);
      const team = await host.app.get(DataSource).getRepository(Team).save({ name: 'Navy' });
      grace = await createUser('grace', team.id);
      ({ token } = await host.app.get(TokenService).issue(grace));
    });
    afterAll(() => host.close());

    it('is served by the single statement: the repository is not asked', async () => {
      const loads = spyOnLoads(users);
      const response = await host.http().get('/entity-host/me').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(loads.count()).toBe(0);
    });

    it('still gives what findOneBy gives: transformer, embedded, no select:false column, the declared foreign key', async () => {
      const response = await host.http().get('/entity-host/me').set('Authorization', `Bearer ${token}`);
      const expected = asJson(await users.findOneBy({ id: grace.id })) as Record<string, unknown>;
      expect(expected).toMatchObject({
        roles: ['dev'],
        address: { city: 'Arlington', zip: null },
        teamId: grace.teamId,
      });
      expect(expected).not.toHaveProperty('secretNote');
      expect(response.body).toEqual(expected);
      const found = await host.app.get(TokenService).authenticate(token);
      expect(found?.user).toBeInstanceOf(PlainUser);
      expect(found?.user).toStrictEqual(await users.findOneBy({ id: grace.id }));
    });

    it('refuses a soft-deleted user, whom the repository does not find either', async () => {
      const linus = await createUser('linus', null);
      const { token: linusToken } = await host.app.get(TokenService).issue(linus);
      await host.http().get('/entity-host/me').set('Authorization', `Bearer ${linusToken}`).expect(200);
      await users.softDelete(linus.id);
      expect(await users.findOneBy({ id: linus.id })).toBeNull();
      await host.http().get('/entity-host/me').set('Authorization', `Bearer ${linusToken}`).expect(401);
    });
  });

  describe('a plain User whose subscriber a Nest provider pushes onto dataSource.subscribers', () => {
    let host: EntityHost;
    let users: Repository<PlainUser>;
    let hedy: PlainUser;
    let token: string;

    beforeAll(async () => {
      host = await startEntityHost(db, 'plain+nest-subscriber');
      users = host.app.get(DataSource).getRepository(PlainUser);
      hedy = await users.save(
        users.create({
          username: 'hedy',
          password: 'not used here',
          roles: [],
          address: { city: null, zip: null },
          teamId: null,
        }),
      );
      ({ token } = await host.app.get(TokenService).issue(hedy));
    });
    afterAll(() => host.close());

    it('is loaded through the repository, so that the subscriber runs', async () => {
      const loads = spyOnLoads(users);
      const response = await json<Record<string, unknown>>(
        host.http().get('/entity-host/me').set('Authorization', `Bearer ${token}`),
      );
      expect(response.status).toBe(200);
      expect(loads.count()).toBe(1);
      expect(response.body.loadedBy).toBe('nest subscriber');
      expect(response.body).toEqual(asJson(await users.findOneBy({ id: hedy.id })));
    });
  });
});
