import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { eventually } from './fixtures/eventually.js';
import { spyOnTokenLookups } from './fixtures/lookup-spy.js';
import { TokenService } from 'nestjs-auth-token';

const PASSWORD = 'violet staple battery';
const CACHE_TTL = 30;

describe.each(TEST_DATABASES)('the optional in-process token cache, two instances on one database (%s)', (db) => {
  let database: TestDatabase;
  let workDir: string;
  let first: LibraryTestApp;
  let second: LibraryTestApp;
  let counter = 0;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'token-cache-'));
    const sqlite = { url: `sqlite:${join(workDir, 'shared.sqlite')}`, drop: () => Promise.resolve() };
    database = db === 'sqlite' ? sqlite : await createTestDatabase('postgres');
    const options = { tokens: { cacheTtl: CACHE_TTL } };
    // One after the other: the first creates the schema, the second finds it done.
    first = await startLibraryHost(db, { database, options });
    second = await startLibraryHost(db, { database, options });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  async function session(): Promise<{ username: string; token: string }> {
    counter += 1;
    const username = `cached${counter}`;
    await first.createUser({ username, password: PASSWORD });
    return { username, token: await first.login(username, PASSWORD) };
  }
  const hello = (app: LibraryTestApp, token: string) =>
    app.http().get('/api/hello').set('Authorization', `Token ${token}`);
  /** `app` refuses `token` once its cache entry is cacheTtl old (the clock moved forward, then back). */
  async function refusedOnceTheEntryIsOld(app: LibraryTestApp, token: string): Promise<void> {
    app.clock.advance(CACHE_TTL);
    try {
      await hello(app, token).expect(401);
    } finally {
      app.clock.advance(-CACHE_TTL);
    }
  }

  it('decides a password change on the database, never on a cached user or token (stale copy on another instance)', async () => {
    const { username, token: victim } = await session();
    const stolen = await first.login(username, PASSWORD);
    // The attacker's token and user (with the old password hash) are now cached on the second instance.
    await hello(second, stolen).expect(200);
    const change = (app: LibraryTestApp, token: string, currentPassword: string, newPassword: string) =>
      app
        .http()
        .post('/auth/password/change')
        .set('Authorization', `Token ${token}`)
        .send({ currentPassword, newPassword });
    await change(first, victim, PASSWORD, 'the victim new secret').expect(204);
    // The cache may still let the stolen token read for up to cacheTtl, but never change the password.
    const takeover = await change(second, stolen, PASSWORD, 'attacker owns this now');
    expect(takeover.status).toBe(401);
    await first.login(username, 'the victim new secret');
  });

  it('asks the database once per token per cacheTtl', async () => {
    const { token } = await session();
    const lookups = spyOnTokenLookups(first.dataSource, db);
    try {
      for (let i = 0; i < 5; i += 1) await hello(first, token).expect(200);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });

  it('refuses a token logged out in this process at once, however fresh its cache entry', async () => {
    const { token } = await session();
    await hello(first, token).expect(200);
    await first.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
    await hello(first, token).expect(401);
  });

  it('applies "log out everywhere" and a password change in this process at once', async () => {
    const { username, token } = await session();
    const other = await first.login(username, PASSWORD);
    await hello(first, other).expect(200);
    await first
      .http()
      .post('/auth/password/change')
      .set('Authorization', `Token ${token}`)
      .send({ currentPassword: PASSWORD, newPassword: 'amber window lantern' })
      .expect(204);
    await hello(first, other).expect(401);
    await hello(first, token).expect(200);
    await first.http().delete('/auth/sessions').set('Authorization', `Token ${token}`).expect(204);
    await hello(first, token).expect(401);
  });

  it('sees a user deactivated behind the library (plain SQL) after at most cacheTtl seconds on every instance (the documented bound)', async () => {
    const { username, token } = await session();
    await hello(first, token).expect(200);
    await hello(second, token).expect(200);
    await first.query('UPDATE users SET "isActive" = false WHERE username = $1', [username]);
    await hello(first, token).expect(200);
    await hello(second, token).expect(200);
    await refusedOnceTheEntryIsOld(second, token);
  });

  it('drops a user changed behind the library at once when the host calls TokenService.forgetUser', async () => {
    const { username, token } = await session();
    await hello(first, token).expect(200);
    await hello(second, token).expect(200);
    await first.query('UPDATE users SET "isActive" = false WHERE username = $1', [username]);
    const [{ id }] = await first.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
    await first.app.get(TokenService).forgetUser(id);
    await hello(first, token).expect(401);
    // PostgreSQL tells the other instance (NOTIFY); SQLite has no such channel, so there the bound stays cacheTtl.
    if (db === 'postgres') await eventually(() => hello(second, token), 401);
    else await hello(second, token).expect(200);
  });

  if (db === 'sqlite') {
    it('lets another process on the same SQLite file accept a revoked token for at most cacheTtl seconds', async () => {
      const { token } = await session();
      await hello(second, token).expect(200);
      await first.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
      await hello(first, token).expect(401);
      await hello(second, token).expect(200);
      await refusedOnceTheEntryIsOld(second, token);
    });
  }

  it('does not serve an expired token from the cache', async () => {
    const { token } = await session();
    await hello(first, token).expect(200);
    first.clock.advance(86_400 + 1);
    try {
      await hello(first, token).expect(401);
    } finally {
      first.clock.advance(-(86_400 + 1));
    }
  });
});
