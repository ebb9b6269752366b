import { jest } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import { runDemo, startDemoProcess, type RunningDemo } from './fixtures/demo-process.js';
import { eventually } from './fixtures/eventually.js';

jest.setTimeout(60_000);

const PASSWORD = 'violet staple battery';

const hello = (demo: RunningDemo, token: string) =>
  fetch(`${demo.baseUrl}/api/hello`, {
    headers: { Authorization: `Token ${token}` },
    signal: AbortSignal.timeout(15_000),
  });

async function login(demo: RunningDemo, username: string): Promise<string> {
  const response = await fetch(`${demo.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** AUTH_TOKEN_CACHE_TTL on PostgreSQL: what one demo process or its command line revokes, the others drop. */
describe('two demo processes on one PostgreSQL with AUTH_TOKEN_CACHE_TTL=600', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let first: RunningDemo;
  let second: RunningDemo;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    env = { DATABASE_URL: database.url, AUTH_SCRYPT_COST: TEST_SCRYPT_COST, AUTH_TOKEN_CACHE_TTL: '600' };
    [first, second] = await Promise.all([startDemoProcess(env), startDemoProcess(env)]);
    for (const name of ['tilda', 'ulla'])
      expect((await runDemo('cli.js', ['create', name, PASSWORD], env)).code).toBe(0);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('refuses a token logged out on one process on the other, which had it cached', async () => {
    const token = await login(first, 'tilda');
    expect((await hello(second, token)).status).toBe(200);
    const logout = await fetch(`${first.baseUrl}/auth/logout`, {
      method: 'DELETE',
      headers: { Authorization: `Token ${token}` },
    });
    expect(logout.status).toBe(204);
    await eventually(() => hello(second, token), 401);
  });

  it('refuses the tokens of a user deleted with `npm run user -- delete` on both processes', async () => {
    const token = await login(first, 'ulla');
    expect((await hello(first, token)).status).toBe(200);
    expect((await hello(second, token)).status).toBe(200);
    expect((await runDemo('cli.js', ['delete', 'ulla'], env)).code).toBe(0);
    await eventually(() => hello(first, token), 401);
    await eventually(() => hello(second, token), 401);
  });
});
