import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './fixtures/databases.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import { buildDemo, runDemo, startDemoProcess, type RunningDemo } from './fixtures/demo-process.js';

// Each case spawns node processes; allow for a slow, shared machine.
jest.setTimeout(60_000);

beforeAll(() => buildDemo(), 120_000);

describe.each(TEST_DATABASES)('the built demo and its user command line (%s)', (db) => {
  let workDir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let demo: RunningDemo;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'demo-process-'));
    database = db === 'sqlite' ? { url: `sqlite:${join(workDir, 'demo.sqlite')}`, drop: async () => undefined } : await createTestDatabase(db);
    env = { DATABASE_URL: database.url, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    demo = await startDemoProcess(env);
  });
  afterAll(async () => {
    await demo?.stop();
    await database?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  const post = (path: string, body: object, token?: string) =>
    fetch(`${demo.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('creates a user who can log in and call the guarded route, and deletes it with its tokens', async () => {
    const created = await runDemo('cli.js', ['create', 'frank', 'frank password', '--email', 'frank@example.com', '--confirmed'], env);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('Created user "frank"') });

    const login = await post('/auth/login', { username: 'frank', password: 'frank password' });
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: unknown };
    expect(user).toEqual({ id: expect.any(Number), username: 'frank', email: 'frank@example.com' });
    const hello = await fetch(`${demo.baseUrl}/api/hello`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await hello.json()).toEqual({ message: 'Hello frank!' });

    const deleted = await runDemo('cli.js', ['delete', 'Frank'], env);
    expect(deleted).toMatchObject({ code: 0, stdout: expect.stringContaining('Deleted user "Frank"') });
    const after = await fetch(`${demo.baseUrl}/api/hello`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('refuses a duplicate user (case-insensitively) and an unknown one, with a message and a non-zero exit', async () => {
    await runDemo('cli.js', ['create', 'grace', 'pw'], env);
    const duplicate = await runDemo('cli.js', ['create', 'GRACE', 'pw'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe('A user with the username "GRACE" already exists.');
    const unknown = await runDemo('cli.js', ['delete', 'nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('No user named "nobody".');
    const invalid = await runDemo('cli.js', ['create', 'has space', 'pw'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('is not valid');
  });

  it.each([[[]], [['create', 'only-name']], [['remove', 'x']], [['delete', 'x', '--confirmed']], [['create', 'a', 'b', '--bogus']]])(
    'prints the usage and exits 2 for %j',
    async (args) => {
      const result = await runDemo('cli.js', args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('npm run user -- create <username> <password>');
    },
  );

  it('sends no X-Powered-By header', async () => {
    const response = await fetch(`${demo.baseUrl}/api/public`);
    expect(await response.json()).toEqual({ message: 'Hello anonymous!' });
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('starting the demo', () => {
  it('needs no configuration: SQLite file under data/ of the working directory', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'demo-zero-config-'));
    const demo = await startDemoProcess({ AUTH_SCRYPT_COST: TEST_SCRYPT_COST }, workDir);
    try {
      expect(existsSync(join(workDir, 'data', 'demo.sqlite'))).toBe(true);
      expect(demo.output()).toContain('Listening on http://127.0.0.1:');
    } finally {
      await demo.stop();
      await rm(workDir, { recursive: true, force: true });
    }
  });

  it.each([
    ['AUTH_TOKEN_TTL', { AUTH_TOKEN_TTL: '-1' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/app' }],
    ['AUTH_CONFIRM_REDIRECT', { AUTH_CONFIRM_REDIRECT: 'https://evil.example/' }],
    ['PORT', { PORT: 'x' }],
  ])('stops with exit code 1 and one line naming a bad %s', async (variable, env) => {
    const result = await runDemo('main.js', [], { DATABASE_URL: 'sqlite::memory:', ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Invalid ${variable}: `))]);
  });
});
