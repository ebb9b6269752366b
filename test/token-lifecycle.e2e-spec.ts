import { jest } from '@jest/globals';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { getRepositoryToken } from '@nestjs/typeorm';
import { AUTH_TOKEN_EVENTS, TokenPurgeService } from 'nestjs-auth-token';
import { authTokenEntityFor } from 'nestjs-auth-token/testing';
import type { Repository } from 'typeorm';
import { json, type LoginResponse, type Session } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { User } from './fixtures/library-host/user.entity.js';
import { match } from './fixtures/matchers.js';

const PASSWORD = 'violet staple battery';
const HOUR = 3600;

describe.each(TEST_DATABASES)('token lifecycle (%s)', (db) => {
  let host: LibraryTestApp;
  let counter = 0;
  const events: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      options: {
        tokens: { ttl: HOUR, maxTtl: 4 * HOUR, touchInterval: 60, maxPerUser: 3 },
        registration: { enabled: true },
        // Ten parallel logins of one user from one address (the per-user limit test).
        throttle: { maxHashingPerIp: 10 },
        // Tiny batches, so that the purge test goes through several of them.
        cleanup: { batchSize: 2 },
      },
      imports: [EventEmitterModule.forRoot({ wildcard: true }), ScheduleModule.forRoot()],
    });
    host.app.get(EventEmitter2).onAny((name, payload) => events.push({ name: String(name), payload }));
  });
  afterAll(() => host.close());
  afterEach(() => jest.restoreAllMocks());

  async function newUser(): Promise<{ username: string; id: number }> {
    counter += 1;
    const username = `life${counter}`;
    const { id } = await host.createUser({ username, password: PASSWORD });
    return { username, id };
  }
  const hello = (token: string) => host.http().get('/api/hello').set('Authorization', `Token ${token}`);
  /** The live tokens of `token`'s user, as GET /auth/sessions lists them. */
  const sessions = async (token: string) =>
    (await json<Session[]>(host.http().get('/auth/sessions').set('Authorization', `Token ${token}`))).body;
  /** Moves the fake clock for the duration of `work`, then back, so tests stay independent. */
  async function later(seconds: number, work: () => Promise<void>): Promise<void> {
    host.clock.advance(seconds);
    try {
      await work();
    } finally {
      host.clock.advance(-seconds);
    }
  }

  describe('sliding expiry with an absolute cap', () => {
    it('lets an idle token die ttl seconds after login, or after its last use', async () => {
      const { username } = await newUser();
      const unused = await host.login(username, PASSWORD);
      const used = await host.login(username, PASSWORD);
      await later(HOUR - 10, async () => {
        await hello(used).expect(200);
        await later(11, async () => {
          await hello(unused).expect(401);
          await hello(used).expect(200);
        });
        await later(HOUR + 1, async () => {
          await hello(used).expect(401);
        });
      });
    });

    it('keeps a token alive while it is used, well past ttl after login', async () => {
      const { username } = await newUser();
      const token = await host.login(username, PASSWORD);
      let elapsed = 0;
      try {
        for (let step = 0; step < 3; step += 1) {
          host.clock.advance(HOUR - 100);
          elapsed += HOUR - 100;
          await hello(token).expect(200);
        }
        expect(elapsed).toBeGreaterThan(2 * HOUR);
      } finally {
        host.clock.advance(-elapsed);
      }
    });

    it('ends a token maxTtl after login however active it is', async () => {
      const { username } = await newUser();
      const token = await host.login(username, PASSWORD);
      const [{ createdAt }] = await sessions(token);
      let elapsed = 0;
      try {
        while (elapsed + 3000 < 4 * HOUR) {
          host.clock.advance(3000);
          elapsed += 3000;
          await hello(token).expect(200);
        }
        const [session] = await sessions(token);
        expect(Date.parse(session.expiresAt)).toBe(Date.parse(createdAt) + 4 * HOUR * 1000);
        host.clock.advance(4 * HOUR - elapsed + 1);
        elapsed = 4 * HOUR + 1;
        await hello(token).expect(401);
      } finally {
        host.clock.advance(-elapsed);
      }
    });

    it('writes lastUsedAt/expiresAt at most once per touchInterval', async () => {
      const { username } = await newUser();
      const token = await host.login(username, PASSWORD);
      const repository = host.app.get<Repository<object>>(getRepositoryToken(authTokenEntityFor(User)));
      const updates = jest.spyOn(repository, 'update');
      for (let i = 0; i < 10; i += 1) await hello(token).expect(200);
      expect(updates).toHaveBeenCalledTimes(0);
      await later(61, async () => {
        for (let i = 0; i < 10; i += 1) await hello(token).expect(200);
        expect(updates).toHaveBeenCalledTimes(1);
        const [session] = await sessions(token);
        expect(Date.parse(String(session.lastUsedAt))).toBeGreaterThan(Date.now() + 55_000);
      });
    });
  });

  describe('per-user limit (maxPerUser = 3)', () => {
    it('revokes the least recently used token when a login goes beyond the limit', async () => {
      const { username } = await newUser();
      const first = await host.login(username, PASSWORD);
      await later(1, async () => {
        const second = await host.login(username, PASSWORD);
        await later(1, async () => {
          const third = await host.login(username, PASSWORD);
          // Use the oldest token (after touchInterval), so the second becomes the least recently used.
          await later(61, async () => {
            await hello(first).expect(200);
            const fourth = await host.login(username, PASSWORD);
            await hello(second).expect(401);
            for (const token of [first, third, fourth]) await hello(token).expect(200);
          });
        });
      });
    });

    it('never leaves more than the limit behind under parallel logins, and answers each with 200', async () => {
      const { username, id } = await newUser();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          json<LoginResponse>(host.http().post('/auth/login').send({ username, password: PASSWORD })),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
      const rows = await host.query('SELECT id FROM auth_token WHERE "userId" = $1', [id]);
      expect(rows).toHaveLength(3);
      const working = await Promise.all(responses.map((r) => hello(r.body.token).then((h) => h.status)));
      expect(working.filter((status) => status === 200)).toHaveLength(3);
      expect(working.filter((status) => status === 401)).toHaveLength(7);
    });
  });

  describe('purge', () => {
    it('is scheduled through @nestjs/schedule when the app registered it', () => {
      expect(host.app.get(SchedulerRegistry).getIntervals()).toContain('auth-token:purge');
    });

    it('deletes expired tokens batch by batch, keeping live ones', async () => {
      const purge = host.app.get(TokenPurgeService);
      const { username, id } = await newUser();
      await host.login(username, PASSWORD);
      await host.login(username, PASSWORD);
      await purge.purge();
      expect(await purge.purge()).toEqual({ tokens: 0, links: 0, counters: 0, expiring: 0, securityEvents: 0 });
      const mine = () => host.query('SELECT id FROM auth_token WHERE "userId" = $1', [id]);
      expect(await mine()).toHaveLength(2);
      await later(HOUR + 1, async () => {
        const live = await host.login(username, PASSWORD);
        const before = (await host.query('SELECT id FROM auth_token')).length;
        const result = await purge.purge();
        const after = (await host.query('SELECT id FROM auth_token')).length;
        expect(result.tokens).toBeGreaterThanOrEqual(2);
        expect(result.tokens).toBe(before - after);
        expect(await mine()).toHaveLength(1);
        await hello(live).expect(200);
      });
    });
  });

  describe('events', () => {
    it('publishes login, failure, logout, revocation, registration and password changes, never a password', async () => {
      events.length = 0;
      await host.http().post('/auth/register').send({ username: 'eventful', password: PASSWORD }).expect(201);
      await host.http().post('/auth/login').send({ username: 'eventful', password: 'wrong password!' }).expect(401);
      const token = await host.login('eventful', PASSWORD);
      const other = await host.login('eventful', PASSWORD);
      await host
        .http()
        .post('/auth/password/change')
        .set('Authorization', `Token ${token}`)
        .send({ currentPassword: PASSWORD, newPassword: 'amber window lantern' })
        .expect(204);
      await host.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);

      const names = events.map((event) => event.name);
      expect(names).toEqual([
        AUTH_TOKEN_EVENTS.userRegistered,
        AUTH_TOKEN_EVENTS.loginFailed,
        AUTH_TOKEN_EVENTS.loginSucceeded,
        AUTH_TOKEN_EVENTS.loginSucceeded,
        AUTH_TOKEN_EVENTS.tokenRevoked,
        AUTH_TOKEN_EVENTS.passwordChanged,
        AUTH_TOKEN_EVENTS.tokenRevoked,
        AUTH_TOKEN_EVENTS.logout,
      ]);
      expect(events[1].payload).toEqual({
        username: 'eventful',
        userId: match.any(Number),
        reason: 'invalid-credentials',
        client: { ip: match.any(String), userAgent: null, acceptLanguage: null },
      });
      expect(events[4].payload).toMatchObject({ reason: 'password-change' });
      expect(events[7].payload).toMatchObject({ tokenId: match.any(String) });
      const dump = JSON.stringify(events);
      for (const secret of [PASSWORD, 'wrong password!', 'amber window lantern', token, other])
        expect(dump).not.toContain(secret);
    });
  });
});
