import { jest } from '@jest/globals';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATABASES } from './fixtures/databases.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import {
  ROOT,
  runDemo,
  startDemoOnFreshDatabase,
  startDemoProcess,
  type DemoOnFreshDatabase,
  type RunningDemo,
} from './fixtures/demo-process.js';
import { match } from './fixtures/matchers.js';

// Each case spawns node processes; allow for a slow, shared machine.
jest.setTimeout(60_000);

const PASSWORD = 'violet staple battery';

/** The permission bits of `file`, e.g. 0o600. */
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe.each(TEST_DATABASES)('the user command line reading the password from standard input (%s)', (db) => {
  let started: DemoOnFreshDatabase | undefined;
  let env: Record<string, string>;
  let demo: RunningDemo;

  beforeAll(async () => {
    started = await startDemoOnFreshDatabase(db, 'demo-stdin-');
    ({ env, demo } = started);
  });
  afterAll(() => started?.close());

  const user = (args: string[], input = '') => runDemo('cli.js', ['create', ...args], env, ROOT, input);
  const login = (username: string, password: string) =>
    fetch(`${demo.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('takes the first line of standard input as the password for "-", and the user logs in with it', async () => {
    const created = await user(['stdin-user', '-', '--confirmed'], `${PASSWORD}\nsecond line\n`);
    expect(created).toMatchObject({ code: 0, stdout: match.stringContaining('Created user "stdin-user"') });
    expect((await login('stdin-user', PASSWORD)).status).toBe(200);
    expect((await login('stdin-user', '-')).status).toBe(401);
  });

  it('drops a Windows line end (CR LF) as well', async () => {
    expect((await user(['crlf-user', '-'], `${PASSWORD}\r\n`)).code).toBe(0);
    expect((await login('crlf-user', PASSWORD)).status).toBe(200);
  });

  it('still takes a password given on the command line', async () => {
    expect((await user(['argv-user', PASSWORD], 'not the password\n')).code).toBe(0);
    expect((await login('argv-user', PASSWORD)).status).toBe(200);
  });

  it('refuses an empty standard input with a message and exit code 1, creating nobody', async () => {
    const refused = await user(['nobody-yet', '-']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('The password must not be empty.');
    expect((await user(['nobody-yet', '-'], `${PASSWORD}\n`)).code).toBe(0);
  });

  it('explains "-" in the usage', async () => {
    const usage = await runDemo('cli.js', ['--help'], env);
    expect(usage.stdout).toContain('A password of "-" is read from the first line of standard input');
    expect(usage.stdout).toContain('npm run user -- create alice - < password.txt');
  });
});

describe("the demo's SQLite file", () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'demo-file-mode-'));
  });
  afterEach(() => rm(workDir, { recursive: true, force: true }));

  it('is created readable by its owner only (0600) by the demo, and so are its -wal and -shm files', async () => {
    const file = join(workDir, 'data', 'demo.sqlite');
    const demo = await startDemoProcess({ AUTH_SCRYPT_COST: TEST_SCRYPT_COST }, workDir);
    try {
      // A write, so that the write-ahead log holds something.
      const registered = await fetch(`${demo.baseUrl}/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'walter', password: PASSWORD }),
      });
      expect(registered.status).toBe(201);
      expect(modeOf(file)).toBe(0o600);
      for (const companion of [`${file}-wal`, `${file}-shm`]) {
        expect({ companion, exists: existsSync(companion) }).toEqual({ companion, exists: true });
        expect({ companion, mode: modeOf(companion) }).toEqual({ companion, mode: 0o600 });
      }
      expect(modeOf(`${file}.mfa-key`)).toBe(0o600);
    } finally {
      await demo.stop();
    }
  });

  it('is created 0600 by the user command line too', async () => {
    const file = join(workDir, 'users.sqlite');
    const env = { DATABASE_URL: `sqlite:${file}`, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    expect((await runDemo('cli.js', ['create', 'clara', '-'], env, ROOT, `${PASSWORD}\n`)).code).toBe(0);
    expect(modeOf(file)).toBe(0o600);
  });

  it('keeps the mode of a file that already exists', async () => {
    const file = join(workDir, 'shared.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    const env = { DATABASE_URL: `sqlite:${file}`, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    expect((await runDemo('cli.js', ['create', 'clara', '-'], env, ROOT, `${PASSWORD}\n`)).code).toBe(0);
    expect(modeOf(file)).toBe(0o640);
  });
});
