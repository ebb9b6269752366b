import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TestPostgres } from '../scripts/test-postgres.mjs';
import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import { runDemo, startDemoProcess, type RunningDemo } from './fixtures/demo-process.js';
import { freePort } from './fixtures/free-port.js';

jest.setTimeout(90_000);

const PASSWORD = 'violet staple battery';

async function post(demo: RunningDemo, path: string, body: object, token?: string): Promise<Response> {
  return fetch(`${demo.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}
const hello = (demo: RunningDemo, token: string) =>
  fetch(`${demo.baseUrl}/api/hello`, {
    headers: { Authorization: `Token ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
async function login(demo: RunningDemo, username: string, password = PASSWORD): Promise<string> {
  const response = await post(demo, '/auth/login', { username, password });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('PostgreSQL stopped in the middle of a run', () => {
  let postgres: TestPostgres;
  let dataDir: string;
  let url: string;
  let demo: RunningDemo;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'auth-token-faults-'));
    const port = await freePort();
    postgres = new TestPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
    });
    await postgres.initialise();
    await postgres.start();
    await postgres.createDatabase('faults');
    url = `postgres://postgres:postgres@127.0.0.1:${port}/faults`;
    const env = { DATABASE_URL: url, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    demo = await startDemoProcess(env);
    expect((await runDemo('cli.js', ['create', 'olga', PASSWORD], env)).code).toBe(0);
  });
  afterAll(async () => {
    await demo?.stop();
    await postgres?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 quickly while the database is down, and recovers by itself when it is back', async () => {
    const token = await login(demo, 'olga');
    expect((await hello(demo, token)).status).toBe(200);

    await postgres.stop();
    for (const attempt of [
      () => hello(demo, token),
      () => post(demo, '/auth/login', { username: 'olga', password: PASSWORD }),
    ]) {
      const started = Date.now();
      const response = await attempt();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    }

    await postgres.start();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await hello(demo, token)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect(demo.process.exitCode).toBeNull();
    await login(demo, 'olga');
  });
});

describe('two instances of the demo on one PostgreSQL', () => {
  let database: TestDatabase;
  let first: RunningDemo;
  let second: RunningDemo;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    // Started at the same moment on an empty database, with a third: the migrations run once, under a lock.
    const third = startDemoProcess(env);
    [first, second] = await Promise.all([startDemoProcess(env), startDemoProcess(env)]);
    await (await third).stop();
    for (const name of ['pia', 'quinn', 'rosa'])
      expect((await runDemo('cli.js', ['create', name, PASSWORD], env)).code).toBe(0);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('came up three at once on an empty database, running each migration exactly once', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((row) => row.name)).toEqual([...new Set(rows.map((row) => row.name))]);
      expect(rows.length).toBeGreaterThanOrEqual(6);
    } finally {
      await client.end();
    }
  });

  it('accepts a token issued by one instance on the other', async () => {
    const token = await login(first, 'pia');
    const response = await hello(second, token);
    expect(await response.json()).toEqual({ message: 'Hello pia!' });
  });

  it('refuses a token on one instance as soon as it was logged out on the other', async () => {
    const token = await login(first, 'pia');
    expect((await hello(second, token)).status).toBe(200);
    const logout = await fetch(`${second.baseUrl}/auth/logout`, {
      method: 'DELETE',
      headers: { Authorization: `Token ${token}` },
    });
    expect(logout.status).toBe(204);
    expect((await hello(first, token)).status).toBe(401);
  });

  it('refuses the other sessions on both instances right after a password change on one', async () => {
    const [here, elsewhere] = [await login(first, 'quinn'), await login(second, 'quinn')];
    const change = await post(
      first,
      '/auth/password/change',
      { currentPassword: PASSWORD, newPassword: 'amber window lantern' },
      here,
    );
    expect(change.status).toBe(204);
    expect((await hello(second, elsewhere)).status).toBe(401);
    expect((await hello(first, elsewhere)).status).toBe(401);
    expect((await hello(second, here)).status).toBe(200);
  });

  it('shares the login throttling counters', async () => {
    for (let i = 0; i < 10; i += 1)
      expect(
        (await post(i % 2 ? first : second, '/auth/login', { username: 'rosa', password: `guess ${i}` })).status,
      ).toBe(401);
    expect((await post(first, '/auth/login', { username: 'rosa', password: PASSWORD })).status).toBe(429);
    expect((await post(second, '/auth/login', { username: 'rosa', password: PASSWORD })).status).toBe(429);
  });
});
