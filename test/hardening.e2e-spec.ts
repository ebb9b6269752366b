import { jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { PasswordHasher } from 'nestjs-auth-token';
import { json, type CreatedApiToken, type LoginResponse, type Session } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.each(TEST_DATABASES)('no user enumeration through timing (%s)', (db) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    // A realistic scrypt cost (2^14), so that hashing dominates as it does in production; no throttling here.
    host = await startLibraryHost(db, { options: { scrypt: { cost: 2 ** 14 }, throttle: { enabled: false } } });
    await host.createUser({ username: 'timed', password: PASSWORD });
  });
  afterAll(() => host.close());

  it('takes as long for an unknown user as for a wrong password, with one KDF run each', async () => {
    const verify = jest.spyOn(host.app.get(PasswordHasher), 'verify');
    const hash = jest.spyOn(host.app.get(PasswordHasher), 'hash');
    const timeOf = async (username: string) => {
      const started = process.hrtime.bigint();
      const response = await host.http().post('/auth/login').send({ username, password: 'wrong password!' });
      expect(response.status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await timeOf('timed');
    await timeOf('warm-up');
    verify.mockClear();
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      // Interleaved, so that drift in the machine's load hits both series alike.
      known.push(await timeOf('timed'));
      unknown.push(await timeOf(`nobody-${i}`));
    }
    const [a, b] = [median(known), median(unknown)];
    expect(Math.abs(a - b)).toBeLessThan(Math.max(25, 0.25 * Math.max(a, b)));
    expect(verify).toHaveBeenCalledTimes(60);
    expect(hash).not.toHaveBeenCalled();
  });
});

describe.each(TEST_DATABASES)('concurrency (%s)', (db) => {
  let host: LibraryTestApp;
  let counter = 0;

  beforeAll(async () => {
    host = await startLibraryHost(db, { options: { throttle: { enabled: false } } });
  });
  afterAll(() => host.close());

  async function session(): Promise<{ username: string; token: string }> {
    counter += 1;
    const username = `racer${counter}`;
    await host.createUser({ username, password: PASSWORD });
    return { username, token: await host.login(username, PASSWORD) };
  }
  const auth = (token: string) => ({ Authorization: `Token ${token}` });

  it('races a logout with requests on the same token: 200 or 401 each, never 5xx, and the token dies', async () => {
    const { token } = await session();
    const calls = [
      ...Array.from({ length: 15 }, () => host.http().get('/api/hello').set(auth(token))),
      host.http().delete('/auth/logout').set(auth(token)),
      ...Array.from({ length: 15 }, () => host.http().post('/api/hello').set(auth(token))),
    ];
    const statuses = (await Promise.all(calls)).map((r) => r.status);
    expect(statuses[15]).toBe(204);
    expect(statuses.filter((s) => ![200, 204, 401].includes(s))).toEqual([]);
    await host.http().get('/api/hello').set(auth(token)).expect(401);
  });

  it('handles parallel logouts with one token without 5xx', async () => {
    const { token } = await session();
    const statuses = (
      await Promise.all(Array.from({ length: 10 }, () => host.http().delete('/auth/logout').set(auth(token))))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s !== 204 && s !== 401)).toEqual([]);
    expect(statuses).toContain(204);
  });

  it('revokes a session exactly once under parallel revocations', async () => {
    const { username, token } = await session();
    const other = await host.login(username, PASSWORD);
    const sessions = (await json<Session[]>(host.http().get('/auth/sessions').set(auth(token)))).body;
    const [target] = sessions.filter((s) => !s.current);
    const statuses = (
      await Promise.all(
        Array.from({ length: 8 }, () => host.http().delete(`/auth/sessions/${target.id}`).set(auth(token))),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(7);
    await host.http().get('/api/hello').set(auth(other)).expect(401);
    const all = (
      await Promise.all(Array.from({ length: 5 }, () => host.http().delete('/auth/sessions').set(auth(token))))
    ).map((r) => r.status);
    expect(all.filter((s) => s !== 204 && s !== 401)).toEqual([]);
    expect(
      await host.query('SELECT id FROM auth_token WHERE "userId" = (SELECT id FROM users WHERE username = $1)', [
        username,
      ]),
    ).toHaveLength(0);
  });
});

/** Keeps every log line, to look for secrets in it. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.record(parts);
  error = (...parts: unknown[]) => this.record(parts);
  warn = (...parts: unknown[]) => this.record(parts);
  debug = (...parts: unknown[]) => this.record(parts);
  verbose = (...parts: unknown[]) => this.record(parts);
  fatal = (...parts: unknown[]) => this.record(parts);
  private record(parts: unknown[]): void {
    this.lines.push(
      parts.map((part) => (part instanceof Error ? `${part.message}\n${part.stack}` : String(part))).join(' '),
    );
  }
}

describe.each(TEST_DATABASES)('no secret at rest or in transit where it should not be (%s)', (db) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      options: {
        registration: { enabled: true },
        emailConfirm: { enabled: true, baseUrl: 'http://localhost:3000' },
        passwordReset: { url: 'http://app.test/#reset=' },
        apiTokens: { enabled: true },
      },
      mailer: new SmtpMailer(smtp.port),
      logger,
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  it('never logs, stores or answers with a raw token or a password', async () => {
    const passwords = ['first secret phrase', 'second secret phrase', 'third secret phrase', 'wrong secret phrase'];
    const bodies: string[] = [];
    const call = async <T extends { text: string }>(response: Promise<T> | T) => {
      const done = await response;
      bodies.push(done.text);
      return done;
    };
    await call(
      host
        .http()
        .post('/auth/register')
        .send({ username: 'secretive', password: passwords[0], email: 'secretive@example.com' }),
    );
    const link = (await smtp.waitFor('secretive@example.com')).link as string;
    await call(host.http().post('/auth/login').send({ username: 'secretive', password: passwords[0] }));
    await call(host.http().get(new URL(link).pathname));
    await call(host.http().post('/auth/login').send({ username: 'secretive', password: passwords[3] }));
    const login = await json<LoginResponse>(
      host.http().post('/auth/login').send({ username: 'secretive', password: passwords[0] }),
    );
    const tokens: string[] = [login.body.token];
    bodies.push(JSON.stringify({ ...login.body, token: undefined }));
    const auth = { Authorization: `Bearer ${tokens[0]}` };
    await call(host.http().get('/auth/me').set(auth));
    await call(host.http().get('/auth/sessions').set(auth));
    await call(host.http().get(`/api/hello?token=${tokens[0]}`));
    // An API token: shown once at creation (that answer is kept out of the scan), then used and listed.
    const created = await json<CreatedApiToken>(host.http().post('/auth/tokens').set(auth).send({ name: 'script' }));
    const apiToken: string = created.body.token;
    expect(apiToken).toMatch(/^natapi_[0-9A-Za-z]{49}$/);
    bodies.push(JSON.stringify({ ...created.body, token: undefined }));
    await call(
      host
        .http()
        .get('/auth/me')
        .set({ Authorization: `Bearer ${apiToken}` }),
    );
    await call(host.http().get('/auth/tokens').set(auth));
    await call(
      host
        .http()
        .post('/auth/password/change')
        .set(auth)
        .send({ currentPassword: passwords[3], newPassword: passwords[1] }),
    );
    await call(
      host
        .http()
        .post('/auth/password/change')
        .set(auth)
        .send({ currentPassword: passwords[0], newPassword: passwords[1] }),
    );
    await call(host.http().post('/auth/password/reset').send({ email: 'secretive@example.com' }));
    const resetToken = ((await smtp.waitForLink('secretive@example.com', 2)).link as string).split('#reset=')[1];
    await call(host.http().post('/auth/password/reset/confirm').send({ token: resetToken, newPassword: 'short' }));
    await call(host.http().post('/auth/password/reset/confirm').send({ token: resetToken, newPassword: passwords[2] }));
    const second = await json<LoginResponse>(
      host.http().post('/auth/login').send({ username: 'secretive', password: passwords[2] }),
    );
    tokens.push(second.body.token);
    await call(
      host
        .http()
        .delete('/auth/logout')
        .set({ Authorization: `Token ${tokens[1]}` }),
    );
    await call(
      host
        .http()
        .get('/api/hello')
        .set({ Authorization: `Token ${tokens[1]}` }),
    );

    const tables = ['users', 'auth_token', 'auth_email_token', 'auth_throttle', 'auth_mfa'];
    const database = JSON.stringify(await Promise.all(tables.map((table) => host.query(`SELECT * FROM ${table}`))));
    const places = { logs: logger.lines.join('\n'), database, responses: bodies.join('\n') };
    const secrets = [
      ...passwords,
      ...tokens,
      ...tokens.map((token) => token.slice(4, 30)),
      apiToken,
      apiToken.slice(7, 33),
    ];
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets)
        expect({ place, leaked: text.includes(secret) ? secret : null }).toEqual({ place, leaked: null });
    }
    expect(bodies.join('\n')).not.toMatch(/\$scrypt\$/);
  });
});
