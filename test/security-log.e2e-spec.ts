import type { LoggerService } from '@nestjs/common';
import { SecurityLog, TokenPurgeService } from 'nestjs-auth-token';
import { match } from './fixtures/matchers.js';
import { json, type CreatedApiToken, type RecoveryCodes, type TotpSetup } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { SmtpCatcher, SmtpMailer, type CaughtMail } from './fixtures/smtp-catcher.js';
import { totp } from './fixtures/totp.js';

const PASSWORD = 'violet staple battery';
const NEW_PASSWORD = 'amber window lantern';
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
const CHROME_LINUX_UPDATED =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const DAY = 86_400;

interface SecurityLogAnswer {
  events: { type: string; at: string; ip: string | null; device: string | null }[];
}

/** Everything the library logs, to check that no secret reaches the log. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown) => void this.lines.push(String(message));
  warn = (message: unknown) => void this.lines.push(String(message));
  error = (message: unknown) => void this.lines.push(String(message));
}

describe.each(TEST_DATABASES)('the security log and the security notices (%s)', (db) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;
  const logger = new RecordingLogger();
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      options: {
        mfa: { encryptionKey: Buffer.alloc(32, 7) },
        apiTokens: { enabled: true },
        scopes: HELLO_SCOPES,
        passwordReset: { url: 'http://app.test/#reset=' },
      },
      mailer: new SmtpMailer(smtp.port),
      logger,
      // X-Forwarded-For from the test client decides the client's address: a sign-in from another IP.
      trustProxy: 'loopback',
    });
  });
  afterAll(async () => {
    await host?.close();
    await smtp?.close();
  });
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  async function newUser(email = true): Promise<{ username: string; email: string; id: number }> {
    counter += 1;
    const username = `watchful${counter}`;
    const address = `${username}@example.com`;
    const { id } = await host.createUser({ username, password: PASSWORD, email: email ? address : null });
    return { username, email: address, id };
  }
  const loginFrom = async (username: string, userAgent: string, password = PASSWORD) => {
    const response = await host.http().post('/auth/login').set('User-Agent', userAgent).send({ username, password });
    return { status: response.status, token: (response.body as { token: string }).token };
  };
  const as = (token: string, userAgent = CHROME_LINUX) => ({
    get: (path: string) => host.http().get(path).set('Authorization', `Token ${token}`).set('User-Agent', userAgent),
    post: (path: string, body: object = {}) =>
      host.http().post(path).set('Authorization', `Token ${token}`).set('User-Agent', userAgent).send(body),
    delete: (path: string) =>
      host.http().delete(path).set('Authorization', `Token ${token}`).set('User-Agent', userAgent),
  });
  const securityLog = async (token: string) => {
    const response = await json<SecurityLogAnswer>(as(token).get('/auth/security-log'));
    expect(response.status).toBe(200);
    return response.body.events;
  };
  /** The mails that reached `address` once the queue has run. */
  const mailsTo = async (address: string): Promise<CaughtMail[]> => {
    await host.drainMail();
    return smtp.to(address);
  };

  describe('GET /auth/security-log', () => {
    it('lists what happened to the account, newest first, with the IP and the device in words', async () => {
      const { username } = await newUser();
      expect((await loginFrom(username, CHROME_LINUX, 'not the password')).status).toBe(401);
      const { token } = await loginFrom(username, CHROME_LINUX);
      const me = as(token);
      await me.post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
      const setup = await json<TotpSetup>(me.post('/auth/mfa/totp/setup').expect(200));
      await me.post('/auth/mfa/totp/enable', { code: totp(setup.body.secret, host.clock.now()) }).expect(200);
      await me.post('/auth/mfa/recovery-codes', { password: PASSWORD }).expect(200);
      await me.post('/auth/mfa/disable', { password: PASSWORD }).expect(204);
      const created = await json<CreatedApiToken>(me.post('/auth/tokens', { name: 'CI deploy' }).expect(201));
      await me.delete(`/auth/tokens/${created.body.id}`).expect(204);
      await me.post('/auth/password/change', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      const second = await loginFrom(username, FIREFOX_WINDOWS, NEW_PASSWORD);
      await as(second.token, FIREFOX_WINDOWS).delete('/auth/logout').expect(204);

      const events = await securityLog(token);
      expect(events.map((event) => event.type)).toEqual([
        'logout',
        'login',
        'password_changed',
        'api_token_revoked',
        'api_token_created',
        'mfa_disabled',
        'recovery_codes_renewed',
        'mfa_enabled',
        'reauthenticated',
        'login',
        'login_failed',
      ]);
      expect(events[1]).toEqual({
        type: 'login',
        at: match.any(String),
        ip: match.stringContaining('127.0.0.1'),
        device: 'Firefox 128 on Windows',
      });
      expect(events[0].device).toBe('Firefox 128 on Windows');
      expect(events.at(-1)?.device).toBe('Chrome 138 on Linux');
      expect(new Date(events[0].at).getTime()).toBeGreaterThanOrEqual(new Date(events.at(-1)?.at ?? 0).getTime());
    });

    it('logs log out everywhere, and leaves the log of every other account alone', async () => {
      const { username } = await newUser();
      const other = await newUser();
      const { token } = await loginFrom(username, CHROME_LINUX);
      const otherToken = (await loginFrom(other.username, CHROME_LINUX)).token;
      await as(token).delete('/auth/sessions').expect(204);
      const again = (await loginFrom(username, CHROME_LINUX)).token;
      expect((await securityLog(again)).map((event) => event.type)).toEqual(['login', 'sessions_revoked', 'login']);
      expect((await securityLog(otherToken)).map((event) => event.type)).toEqual(['login']);
    });

    it('refuses an API token with 403, and a request without a token with 401', async () => {
      const { username } = await newUser();
      const { token } = await loginFrom(username, CHROME_LINUX);
      const api = await json<CreatedApiToken>(as(token).post('/auth/tokens', { name: 'script' }).expect(201));
      await as(api.body.token).get('/auth/security-log').expect(403);
      await host.http().get('/auth/security-log').expect(401);
    });

    it('answers at most the newest 100 entries', async () => {
      const { username, id } = await newUser();
      const log = host.app.get(SecurityLog);
      for (let i = 0; i < 105; i += 1) await log.record(id, 'reauthenticated');
      const { token } = await loginFrom(username, CHROME_LINUX);
      const events = await securityLog(token);
      expect(events).toHaveLength(100);
      expect(events[0].type).toBe('login');
    });

    it('records failed logins naming an account at most 10 an hour, and none for a name nobody has', async () => {
      const { username } = await newUser();
      const before = await host.query('SELECT id FROM auth_security_event');
      for (let i = 0; i < 3; i += 1)
        await host
          .http()
          .post('/auth/login')
          .send({ username: `nobody${counter}`, password: 'x' })
          .expect(401);
      expect(await host.query('SELECT id FROM auth_security_event')).toHaveLength(before.length);
      for (let i = 0; i < 10; i += 1) {
        await host.query('DELETE FROM auth_throttle');
        for (let j = 0; j < 2; j += 1)
          await host.http().post('/auth/login').send({ username, password: 'wrong password!' }).expect(401);
      }
      const { token } = await loginFrom(username, CHROME_LINUX);
      const types = (await securityLog(token)).map((event) => event.type);
      expect(types.filter((type) => type === 'login_failed')).toHaveLength(10);
      host.clock.advance(3601);
      await host.http().post('/auth/login').send({ username, password: 'wrong password!' }).expect(401);
      expect((await securityLog(token)).filter((event) => event.type === 'login_failed')).toHaveLength(11);
    });

    it('is purged of entries older than 90 days by the cleanup job', async () => {
      const { username } = await newUser();
      const { token } = await loginFrom(username, CHROME_LINUX);
      host.clock.advance(91 * DAY);
      try {
        const fresh = (await loginFrom(username, CHROME_LINUX)).token;
        const purged = await host.app.get(TokenPurgeService).purge();
        expect(purged.securityEvents).toBeGreaterThanOrEqual(1);
        expect((await securityLog(fresh)).map((event) => event.type)).toEqual(['login']);
        await as(token).get('/auth/security-log').expect(401);
      } finally {
        host.clock.advance(-91 * DAY);
      }
    });
  });

  describe('the new-device notice', () => {
    it('learns the first device silently, then mails a sign-in from another browser and system', async () => {
      const { username, email } = await newUser();
      await loginFrom(username, CHROME_LINUX);
      expect(await mailsTo(email)).toHaveLength(0);
      await loginFrom(username, FIREFOX_WINDOWS);
      const [mail] = await mailsTo(email);
      expect(mail.subject).toContain('New sign-in');
      expect(mail.text).toContain('Firefox 128');
      expect(mail.text).toContain('Windows');
      expect(mail.text).toContain('127.0.0.1');
      expect(mail.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(mail.text).toMatch(/log out everywhere/i);
      expect(mail.text).toMatch(/change your password/i);
    });

    it('knows a device again after a browser update and from another IP, and forgets it after 90 days', async () => {
      const { username, email } = await newUser();
      await loginFrom(username, CHROME_LINUX);
      await loginFrom(username, CHROME_LINUX_UPDATED);
      await host
        .http()
        .post('/auth/login')
        .set('User-Agent', CHROME_LINUX)
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ username, password: PASSWORD })
        .expect(200);
      expect(await mailsTo(email)).toHaveLength(0);
      await loginFrom(username, FIREFOX_WINDOWS);
      host.clock.advance(89 * DAY);
      try {
        await loginFrom(username, FIREFOX_WINDOWS);
        expect(await mailsTo(email)).toHaveLength(1);
        host.clock.advance(2 * DAY);
        // Chrome was last seen 91 days ago: new again.
        await loginFrom(username, CHROME_LINUX);
        const mails = await mailsTo(email);
        expect(mails).toHaveLength(2);
        expect(mails[1].text).toContain('Chrome 138');
      } finally {
        host.clock.advance(-91 * DAY);
      }
    });

    it('mails a second-factor login from a new device too, and nothing to an account without an address', async () => {
      const { username, email } = await newUser();
      const { token } = await loginFrom(username, CHROME_LINUX);
      const setup = await json<TotpSetup>(as(token).post('/auth/mfa/totp/setup').expect(200));
      await as(token)
        .post('/auth/mfa/totp/enable', { code: totp(setup.body.secret, host.clock.now()) })
        .expect(200);
      const before = (await mailsTo(email)).length;
      const first = await json<{ mfaToken: string }>(
        host.http().post('/auth/login').set('User-Agent', FIREFOX_WINDOWS).send({ username, password: PASSWORD }),
      );
      await host
        .http()
        .post('/auth/login/mfa')
        .set('User-Agent', FIREFOX_WINDOWS)
        .send({ mfaToken: first.body.mfaToken, code: totp(setup.body.secret, host.clock.now(), 1) })
        .expect(200);
      const mails = await mailsTo(email);
      expect(mails.slice(before).map((mail) => mail.subject)).toEqual([match.stringContaining('New sign-in')]);

      const silent = await newUser(false);
      await loginFrom(silent.username, CHROME_LINUX);
      await loginFrom(silent.username, FIREFOX_WINDOWS);
      expect(await mailsTo(silent.email)).toHaveLength(0);
    });
  });

  describe('security mails', () => {
    it('mails password, second-factor and API token changes, never a token, code or password', async () => {
      const { username, email } = await newUser();
      const { token } = await loginFrom(username, CHROME_LINUX);
      const me = as(token);
      const setup = await json<TotpSetup>(me.post('/auth/mfa/totp/setup').expect(200));
      const code = totp(setup.body.secret, host.clock.now());
      const enabled = await json<RecoveryCodes>(me.post('/auth/mfa/totp/enable', { code }).expect(200));
      const renewed = await json<RecoveryCodes>(
        me.post('/auth/mfa/recovery-codes', { password: PASSWORD }).expect(200),
      );
      await me.post('/auth/mfa/disable', { password: PASSWORD }).expect(204);
      const created = await json<CreatedApiToken>(me.post('/auth/tokens', { name: 'Nightly backup' }).expect(201));
      await me.post('/auth/password/change', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).expect(204);

      const mails = await mailsTo(email);
      const bySubject = new Map(mails.map((mail) => [mail.subject, mail.text]));
      expect([...bySubject.keys()].sort()).toEqual([
        'A new API token was created',
        'New two-factor recovery codes',
        'Two-factor login was turned off',
        'Two-factor login was turned on',
        'Your password was changed',
      ]);
      for (const subject of [
        'Two-factor login was turned on',
        'Two-factor login was turned off',
        'New two-factor recovery codes',
      ])
        expect(bySubject.get(subject)).toContain('two-factor');
      expect(bySubject.get('A new API token was created')).toContain('API token');
      expect(bySubject.get('A new API token was created')).toContain('Nightly backup');
      expect(bySubject.get('Your password was changed')).toContain('password');
      expect(bySubject.get('Your password was changed')).toContain('Chrome 138 on Linux');

      const secrets = [
        PASSWORD,
        NEW_PASSWORD,
        token,
        created.body.token,
        setup.body.secret,
        code,
        ...enabled.body.recoveryCodes,
        ...renewed.body.recoveryCodes,
      ];
      const stored = JSON.stringify(await host.query('SELECT * FROM auth_security_event'));
      for (const secret of secrets) {
        for (const mail of mails) expect(`${mail.subject}\n${mail.text}\n${String(mail.html)}`).not.toContain(secret);
        expect(logger.lines.join('\n')).not.toContain(secret);
        expect(stored).not.toContain(secret);
      }
    });

    it('mails a password reset, naming it', async () => {
      const { email } = await newUser();
      await host.http().post('/auth/password/reset').send({ email }).expect(202);
      const link = (await smtp.waitFor(email)).link as string;
      const token = decodeURIComponent(link.split('#reset=')[1]);
      await host.http().post('/auth/password/reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
      const mails = await mailsTo(email);
      expect(mails[1].subject).toBe('Your password was reset');
      expect(mails[1].text).toContain('password');
      expect(mails[1].text).not.toContain(token);
    });
  });
});

describe.each(TEST_DATABASES)('security notices turned off by the host (%s)', (db) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      options: { securityNotices: { newDevice: false } },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await host?.close();
    await smtp?.close();
  });

  it('sends no new-device notice, while the other notices and the log stay on', async () => {
    const email = 'quiet@example.com';
    await host.createUser({ username: 'quiet', password: PASSWORD, email });
    await host
      .http()
      .post('/auth/login')
      .set('User-Agent', CHROME_LINUX)
      .send({ username: 'quiet', password: PASSWORD });
    const token = await host.login('quiet', PASSWORD);
    await host
      .http()
      .post('/auth/password/change')
      .set('Authorization', `Token ${token}`)
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    await host.drainMail();
    expect(smtp.to(email).map((mail) => mail.subject)).toEqual(['Your password was changed']);
  });
});
