import { jest } from '@jest/globals';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { MailMessage } from 'nestjs-auth-token';
import { DEMO_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../apps/demo/src/http/security-headers.js';
import { AUTH_TOKEN_MESSAGES } from 'nestjs-auth-token';
import type { Session } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import {
  runDemo,
  startDemoOnFreshDatabase,
  startDemoProcess,
  type DemoOnFreshDatabase,
  type RunningDemo,
} from './fixtures/demo-process.js';
import { freePort } from './fixtures/free-port.js';
import { match } from './fixtures/matchers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { SmtpCatcher } from './fixtures/smtp-catcher.js';

// Each case spawns node processes; allow for a slow, shared machine.
jest.setTimeout(60_000);

describe.each(TEST_DATABASES)('the built demo and its user command line (%s)', (db) => {
  let started: DemoOnFreshDatabase | undefined;
  let env: Record<string, string>;
  let demo: RunningDemo;

  beforeAll(async () => {
    started = await startDemoOnFreshDatabase(db, 'demo-process-');
    ({ env, demo } = started);
  });
  afterAll(() => started?.close());

  const post = (path: string, body: object, token?: string) =>
    fetch(`${demo.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('creates a user who can log in and call the guarded route, and deletes it with its tokens', async () => {
    const created = await runDemo(
      'cli.js',
      ['create', 'frank', 'frank password', '--email', 'frank@example.com', '--confirmed'],
      env,
    );
    expect(created).toMatchObject({ code: 0, stdout: match.stringContaining('Created user "frank"') });

    const login = await post('/auth/login', { username: 'frank', password: 'frank password' });
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: unknown };
    expect(user).toEqual({ id: match.any(Number), username: 'frank', email: 'frank@example.com' });
    const hello = await fetch(`${demo.baseUrl}/api/hello`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await hello.json()).toEqual({ message: 'Hello frank!' });

    const deleted = await runDemo('cli.js', ['delete', 'Frank'], env);
    expect(deleted).toMatchObject({ code: 0, stdout: match.stringContaining('Deleted user "Frank"') });
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

  it.each([
    [[]],
    [['create', 'only-name']],
    [['remove', 'x']],
    [['delete', 'x', '--confirmed']],
    [['create', 'a', 'b', '--bogus']],
  ])('prints the usage and exits 2 for %j', async (args) => {
    const result = await runDemo('cli.js', args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run user -- create <username> <password>');
  });

  it('sends no X-Powered-By header', async () => {
    const response = await fetch(`${demo.baseUrl}/api/public`);
    expect(await response.json()).toEqual({ message: 'Hello anonymous!' });
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe.each(TEST_MATRIX)('the built demo over HTTP (%s, HTTP_ADAPTER=%s)', (db, platform) => {
  let started: DemoOnFreshDatabase | undefined;
  let demo: RunningDemo;
  const PASSWORD = 'violet staple battery';

  beforeAll(async () => {
    started = await startDemoOnFreshDatabase(db, 'demo-http-', { HTTP_ADAPTER: platform, TRUST_PROXY: 'loopback' });
    ({ demo } = started);
  });
  afterAll(() => started?.close());

  const call = (path: string, init: RequestInit = {}) => fetch(`${demo.baseUrl}${path}`, init);
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('runs on the platform HTTP_ADAPTER names', () => {
    expect(demo.output()).toContain(`HTTP: ${platform})`);
  });

  it('registers and logs in with form bodies, serves me, logs out without a body, then challenges the spent token', async () => {
    const registered = await call('/auth/register', {
      method: 'POST',
      body: form({ username: 'olga', password: PASSWORD }),
    });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toEqual({ success: true });
    const login = await call('/auth/login', { method: 'POST', body: form({ username: 'OLGA', password: PASSWORD }) });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const { token } = (await login.json()) as { token: string };
    const me = await call('/auth/me', { headers: bearer(token) });
    expect(await me.json()).toEqual({ id: match.any(Number), username: 'olga', email: null, mfaEnabled: false });
    // Named JSON, but no body at all: nothing to refuse.
    const headers = { ...bearer(token), 'Content-Type': 'application/json' };
    expect((await call('/auth/logout', { method: 'POST', headers })).status).toBe(204);
    const after = await call('/auth/me', { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
    expect(after.headers.get('cache-control')).toBe('no-store');
    expect(await after.json()).toMatchObject({ statusCode: 401 });
  });

  it('serves paths with a trailing slash, and JSON bodies', async () => {
    expect((await postJson('/auth/register/', { username: 'pavel', password: PASSWORD })).status).toBe(201);
    const login = await postJson('/auth/login/', { username: 'pavel', password: PASSWORD });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    expect((await call('/auth/me/', { headers: bearer(token) })).status).toBe(200);
  });

  it('screens bodies and origins: 413 over 16 kB (declared or chunked), 400 past 32 fields, 403 for a foreign Origin', async () => {
    const large = { username: 'pavel', password: 'x', pad: 'x'.repeat(17 * 1024) };
    const declared = await postJson('/auth/login', large);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: AUTH_TOKEN_MESSAGES.bodyTooLarge(16 * 1024),
    });
    const chunked = await call('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([JSON.stringify(large)]).stream(),
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    const fields = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`f${i}`, 'x']));
    const crowded = await call('/auth/login', { method: 'POST', body: form(fields) });
    expect(crowded.status).toBe(400);
    expect(await crowded.json()).toMatchObject({ errors: { body: [AUTH_TOKEN_MESSAGES.tooManyFields(32)] } });
    const foreign = await postJson(
      '/auth/login',
      { username: 'pavel', password: PASSWORD },
      { Origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ statusCode: 403, code: 'origin_not_allowed' });
    const own = await postJson('/auth/login', { username: 'pavel', password: PASSWORD }, { Origin: demo.baseUrl });
    expect(own.status).toBe(200);
  });

  it('takes the client address from X-Forwarded-For of a trusted proxy (TRUST_PROXY=loopback)', async () => {
    const login = await postJson(
      '/auth/login',
      { username: 'pavel', password: PASSWORD },
      { 'X-Forwarded-For': '203.0.113.7' },
    );
    const { token } = (await login.json()) as { token: string };
    const sessions = (await (await call('/auth/sessions', { headers: bearer(token) })).json()) as Session[];
    expect(sessions.find((session) => session.current)?.ip).toBe('203.0.113.7');
  });

  it('serves the page and the OpenAPI UI with their security headers, and no X-Powered-By', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form id="login-form">');
    expect(page.headers.get('content-security-policy')).toBe(DEMO_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const script = await call('/app.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const docs = await call('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY);
  });

  it('answers an unknown route with the 404 JSON of Nest', async () => {
    const missing = await call('/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(DEMO_CONTENT_SECURITY_POLICY);
    expect(await missing.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /no/such/page' });
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
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }],
    ['HTTP_ADAPTER', { HTTP_ADAPTER: 'koa' }],
    ['AUTH_WEBAUTHN_RP_ID', { AUTH_WEBAUTHN_RP_ID: '127.0.0.1' }],
    ['AUTH_WEBAUTHN_ORIGINS', { AUTH_WEBAUTHN_ORIGINS: 'localhost:3000' }],
  ])('stops with exit code 1 and one line naming a bad %s', async (variable, env) => {
    const result = await runDemo('main.js', [], { DATABASE_URL: 'sqlite::memory:', ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Invalid ${variable}: `))]);
  });
});

describe('the built demo sending mail through @nestjs-modules/mailer', () => {
  let smtp: SmtpCatcher;
  let workDir: string;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    workDir = await mkdtemp(join(tmpdir(), 'demo-mail-'));
  });
  afterAll(async () => {
    await smtp.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: `sqlite:${join(workDir, `${Object.keys(extra).join('-')}.sqlite`)}`,
    AUTH_SCRYPT_COST: TEST_SCRYPT_COST,
    AUTH_EMAIL_CONFIRM: 'true',
    ...extra,
  });
  const register = (demo: RunningDemo, username: string, email: string) =>
    fetch(`${demo.baseUrl}/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
      body: new URLSearchParams({ username, password: 'violet staple battery', email }),
    });

  it('registers, mails the link over SMTP, confirms and logs in', async () => {
    const demo = await startDemoProcess(env({ SMTP_URL: smtp.url, MAIL_FROM: 'noreply@demo.test' }));
    try {
      const response = await register(demo, 'kate', 'kate@example.com');
      expect(response.status).toBe(201);
      const mail = await smtp.waitFor('kate@example.com');
      expect(mail.from).toBe('noreply@demo.test');
      const link = new URL(mail.link as string);
      expect(link.origin).toBe(new URL(demo.baseUrl).origin.replace('127.0.0.1', 'localhost'));
      const confirm = await fetch(`${demo.baseUrl}${link.pathname}`, { redirect: 'manual' });
      expect(confirm.status).toBe(302);
      const login = await fetch(`${demo.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'kate', password: 'violet staple battery' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await demo.stop();
    }
  });

  it('answers 503 and keeps the username free when the SMTP server is down', async () => {
    const closedPort = await freePort();
    const demo = await startDemoProcess(env({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` }));
    try {
      const response = await register(demo, 'liam', 'liam@example.com');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        statusCode: 503,
        message: 'The e-mail could not be sent. Please try again later.',
      });
      expect(demo.output()).not.toContain('violet staple battery');
    } finally {
      await demo.stop();
    }
    // The same database file, now with a working mail server.
    const retry = await startDemoProcess({
      ...env({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` }),
      SMTP_URL: smtp.url,
    });
    try {
      expect((await register(retry, 'liam', 'liam@example.com')).status).toBe(201);
    } finally {
      await retry.stop();
    }
  });

  it('writes each mail to the log as JSON when SMTP_URL is unset', async () => {
    const demo = await startDemoProcess(env({ AUTH_CONFIRM_BASE_URL: 'http://demo.test' }));
    try {
      expect((await register(demo, 'mona', 'mona@example.com')).status).toBe(201);
      // A Nest log line: colour codes, context, then the mail as JSON.
      const line = stripVTControlCharacters(demo.output())
        .split('\n')
        .find((text) => text.includes('{"mail"'));
      expect(line).toBeDefined();
      const { mail } = JSON.parse((line as string).slice((line as string).indexOf('{"mail"'))) as { mail: MailMessage };
      expect(mail).toMatchObject({ to: 'mona@example.com', subject: 'Confirm your e-mail address' });
      expect(mail.text).toMatch(/http:\/\/demo\.test\/auth\/register\/confirm\/[A-Za-z0-9_-]{43}/);
    } finally {
      await demo.stop();
    }
  });
});

describe('npm run tokens -- purge', () => {
  it('deletes expired tokens from the database and says how many', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'demo-purge-'));
    const env = { DATABASE_URL: `sqlite:${join(workDir, 'purge.sqlite')}`, AUTH_SCRYPT_COST: TEST_SCRYPT_COST };
    try {
      await runDemo('cli.js', ['create', 'nina', 'nina password'], env);
      const demo = await startDemoProcess(env);
      try {
        for (let i = 0; i < 3; i += 1) {
          const login = await fetch(`${demo.baseUrl}/auth/login`, {
            method: 'POST',
            body: new URLSearchParams({ username: 'nina', password: 'nina password' }),
          });
          expect(login.status).toBe(200);
        }
      } finally {
        await demo.stop();
      }
      const database = new Database(join(workDir, 'purge.sqlite'));
      database
        .prepare(
          `UPDATE auth_token SET "expiresAt" = '2000-01-01 00:00:00.000' WHERE rowid IN (SELECT rowid FROM auth_token LIMIT 2)`,
        )
        .run();
      database.close();

      const purged = await runDemo('tokens-cli.js', ['purge'], env);
      expect(purged).toMatchObject({
        code: 0,
        stdout: 'Purged 2 expired tokens, 0 expired e-mail links and 0 expired throttling counters.\n',
      });
      const check = new Database(join(workDir, 'purge.sqlite'), { readonly: true });
      expect(check.prepare('SELECT count(*) AS n FROM auth_token').get()).toEqual({ n: 1 });
      check.close();
      expect((await runDemo('tokens-cli.js', ['vacuum'], env)).code).toBe(2);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
