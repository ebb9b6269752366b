import { jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { Mailer, PasswordHasher, PasswordHashingBusyException, type MailMessage } from 'nestjs-auth-token';
import { json, type ErrorBody, type FieldErrorsBody } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { match } from './fixtures/matchers.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
const WINDOW = 900;
const TOO_MANY = { statusCode: 429, error: 'Too Many Requests', message: match.stringMatching(/Too many attempts/) };
const CONFIRM_SUBJECT = 'Confirm your e-mail address';
const RESET_SUBJECT = 'Reset your password';
const RESET_URL = 'http://localhost:3000/#reset=';
/** Registration, confirmation of the address, and password reset: all the routes that send mail. */
const MAILING = {
  registration: { enabled: true },
  emailConfirm: { enabled: true, baseUrl: 'http://localhost:3000' },
  passwordReset: { url: RESET_URL },
};

/** `levels` nested JSON lists: [[[...]]]. */
const nestedLists = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

const countUsers = async (host: LibraryTestApp) =>
  Number((await host.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM users'))[0].n);

describe.each(TEST_MATRIX)('floods against the HTTP API (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      options: { registration: { enabled: true }, passwordReset: { url: RESET_URL } },
    });
    await host.createUser({ username: 'steady', password: PASSWORD });
  });
  afterAll(() => host.close());
  beforeEach(() => host.query('DELETE FROM auth_throttle'));
  afterEach(() => jest.restoreAllMocks());

  const register = (username: string) => host.http().post('/auth/register').send({ username, password: PASSWORD });

  it('lets 20 registrations from one client IP through in 15 minutes, refuses the 21st with a 429 that creates nobody, and lets them in again after the window', async () => {
    // A taken name still counts as a registration attempt: anything but a 429 passed the limit.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await register(i === 19 ? 'flood0' : `flood${i}`)).status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    const before = await countUsers(host);

    const refused = await register('flood20');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(WINDOW);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.body).toEqual(TOO_MANY);
    expect(await countUsers(host)).toBe(before);
    expect(await host.query('SELECT id FROM users WHERE username = $1', ['flood20'])).toHaveLength(0);

    host.clock.advance(WINDOW + 1);
    try {
      await register('flood20').expect(201);
    } finally {
      host.clock.advance(-(WINDOW + 1));
    }
  });

  it('answers a login with 503, Retry-After and a JSON body while the password hasher is busy', async () => {
    jest.spyOn(host.app.get(PasswordHasher), 'verify').mockRejectedValueOnce(new PasswordHashingBusyException(5));
    const busy = await host.http().post('/auth/login').send({ username: 'steady', password: PASSWORD });
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.body).toEqual({
      statusCode: 503,
      message: 'The server is busy. Please try again in a few seconds.',
      error: 'Service Unavailable',
    });
    await host.login('steady', PASSWORD);
  });

  it('counts no failed login for attempts refused as busy, so a flood cannot lock the owner out', async () => {
    jest.spyOn(host.app.get(PasswordHasher), 'verify').mockRejectedValue(new PasswordHashingBusyException(5));
    for (let i = 0; i < 12; i += 1)
      expect((await host.http().post('/auth/login').send({ username: 'steady', password: PASSWORD })).status).toBe(503);
    jest.restoreAllMocks();
    await host.login('steady', PASSWORD);
  });

  describe('deeply nested bodies', () => {
    // About 8,000 levels in just under 16 kB: under the body limit of the library's routes, so the body is
    // parsed and reaches the validation rather than being refused with a 413 (see request-screening.e2e-spec).
    const deep = nestedLists(8_000);
    const deepUsername = `{"username": ${deep}, "password": "x"}`;
    const post = (path: string, text: string) =>
      host.http().post(path).set('Content-Type', 'application/json').send(text);

    it('fits under the body-size limit', () => {
      expect(Buffer.byteLength(deepUsername)).toBeGreaterThan(15_000);
      expect(Buffer.byteLength(deepUsername)).toBeLessThan(16 * 1024);
    });

    it('refuses a login whose username is 8,000 nested lists with a 400 naming username', async () => {
      const response = await json<FieldErrorsBody>(post('/auth/login', deepUsername));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['username']);
      expect(response.body.errors.username[0]).toMatch(/must be text, a number, a boolean or a list of them$/);
    });

    it('refuses a body that is itself 8,000 nested lists with a 400', async () => {
      const response = await json<ErrorBody>(post('/auth/login', nestedLists(8_000)));
      expect(response.status).toBe(400);
      expect(response.body.statusCode).toBe(400);
    });

    it('refuses an object where a string is expected with a 400 naming the field', async () => {
      const response = await json<FieldErrorsBody>(
        post('/auth/login', JSON.stringify({ username: { a: { b: 'c' } }, password: 'x' })),
      );
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['username']);
    });

    it('still gives a list of strings where a string is expected the usual field error', async () => {
      const response = await json<FieldErrorsBody>(
        post('/auth/login', JSON.stringify({ username: ['steady', 'other'], password: PASSWORD })),
      );
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['username']);
    });

    it.each([
      ['/auth/register', `{"username": "nested", "password": ${deep}}`, 'password'],
      ['/auth/password/reset', `{"email": ${deep}}`, 'email'],
    ])('refuses a nested value on POST %s with a 400 naming the field', async (path, text, field) => {
      const response = await json<FieldErrorsBody>(post(path, text));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('keeps serving afterwards', async () => {
      await post('/auth/login', deepUsername).expect(400);
      const response = await host.http().get('/api/public');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Hello anonymous!' });
      expect(await host.query('SELECT id FROM users WHERE username = $1', ['nested'])).toHaveLength(0);
    });
  });
});

describe.each(TEST_DATABASES)('confirmation mails to one address (%s)', (db) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, { options: MAILING, mailer: new SmtpMailer(smtp.port) });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  it('sends at most 5 confirmation mails to one address in a window: the 6th registration is accepted without a mail', async () => {
    const register = (username: string) =>
      host.http().post('/auth/register').send({ username, password: PASSWORD, email: 'victim@example.com' });
    for (let i = 1; i <= 5; i += 1) {
      const response = await register(`signup${i}`);
      expect({ i, status: response.status }).toEqual({ i, status: 201 });
    }
    await smtp.waitFor('victim@example.com', 5);
    const before = await countUsers(host);

    // Junk registrations naming someone's address must not stop that person's own registration.
    const sixth = await register('signup6');
    expect(sixth.status).toBe(201);
    await host.drainMail();
    expect(await countUsers(host)).toBe(before + 1);
    expect(smtp.to('victim@example.com')).toHaveLength(5);

    // Those registrations used up the confirmation allowance only: the address's owner still gets a reset link.
    await host.createUser({
      username: 'realvictim',
      password: PASSWORD,
      email: 'victim@example.com',
      emailConfirmed: true,
    });
    await host.http().post('/auth/password/reset').send({ email: 'victim@example.com' }).expect(202);
    await host.drainMail();
    expect(
      smtp
        .to('victim@example.com')
        .map((mail) => mail.subject)
        .filter((subject) => subject === RESET_SUBJECT),
    ).toHaveLength(1);
  });
});

/** Records each try; can hold sends until released, or reject a number of tries first. */
class ScriptedMailer extends Mailer {
  /** Every call of send, failed or not. */
  readonly calls: MailMessage[] = [];
  /** The mails whose send resolved. */
  readonly delivered: MailMessage[] = [];
  /** While true, send stays pending until {@link release}. */
  hold = false;
  /** How many of the next tries reject (a mail server in trouble). */
  failures = 0;
  private waiting: Array<() => void> = [];
  private callWaiters: Array<() => void> = [];

  async send(message: MailMessage): Promise<void> {
    this.calls.push(message);
    this.callWaiters.splice(0).forEach((wake) => wake());
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('451 Try again later');
    }
    if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.delivered.push(message);
  }

  /** Resolves once send has been called `count` times in all. */
  async waitForCalls(count: number): Promise<void> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.callWaiters.push(resolve));
  }

  release(): void {
    this.hold = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }

  reset(): void {
    this.release();
    this.failures = 0;
    this.calls.length = 0;
    this.delivered.length = 0;
  }
}

class RecordingLogger implements LoggerService {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly infos: string[] = [];
  error = (...parts: unknown[]) => this.errors.push(parts.map(String).join(' '));
  warn = (...parts: unknown[]) => this.warnings.push(parts.map(String).join(' '));
  log = (...parts: unknown[]) => this.infos.push(parts.map(String).join(' '));

  get all(): string[] {
    return [...this.errors, ...this.warnings, ...this.infos];
  }

  clear(): void {
    for (const lines of [this.errors, this.warnings, this.infos]) lines.length = 0;
  }
}

describe.each(TEST_DATABASES)('mail sent after the answer (%s)', (db) => {
  const mailer = new ScriptedMailer();
  const logger = new RecordingLogger();
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { options: MAILING, mailer, logger });
    // Reset mails go to confirmed addresses only (confirmation is on); resend mails to unconfirmed ones, so
    // known@example.com has one account of each kind.
    for (const username of ['known', 'flaky', 'doomed', 'patient']) {
      await host.createUser({ username, password: PASSWORD, email: `${username}@example.com`, emailConfirmed: true });
    }
    await host.createUser({
      username: 'knownpending',
      password: PASSWORD,
      email: 'known@example.com',
      emailConfirmed: false,
    });
  });
  afterAll(async () => {
    mailer.reset();
    await host.close();
  });
  beforeEach(() => {
    mailer.reset();
    logger.clear();
  });
  // A held mail must not keep the queue (and the app's shutdown) waiting after a failed test.
  afterEach(() => mailer.release());

  const to = (messages: MailMessage[], address: string) => messages.filter((message) => message.to === address);
  const requestReset = (email: string) => host.http().post('/auth/password/reset').send({ email });

  it('answers reset and resend with 202 before the mail is sent, known address or not, then sends each mail once', async () => {
    mailer.hold = true;
    // Every send stays pending until release(): had the library awaited it, these answers would never come.
    const known = await requestReset('known@example.com');
    expect(known.status).toBe(202);
    const unknown = await requestReset('unknown@example.com');
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const resend = await host.http().post('/auth/register/resend').send({ email: 'known@example.com' });
    expect(resend.status).toBe(202);
    // Both mails to the known address are now being sent, and neither send has finished: the answers came first.
    await mailer.waitForCalls(2);
    expect(to(mailer.calls, 'known@example.com')).toHaveLength(2);
    expect(mailer.delivered).toEqual([]);

    mailer.release();
    await host.drainMail();
    expect(
      to(mailer.delivered, 'known@example.com')
        .map((message) => message.subject)
        .sort(),
    ).toEqual([CONFIRM_SUBJECT, RESET_SUBJECT]);
    expect(to(mailer.calls, 'known@example.com')).toHaveLength(2);
    expect(to(mailer.calls, 'unknown@example.com')).toEqual([]);
  });

  it('delivers a reset mail whose first two tries failed, with a link that works', async () => {
    mailer.failures = 2;
    await requestReset('flaky@example.com').expect(202);
    await host.drainMail();
    expect(to(mailer.calls, 'flaky@example.com')).toHaveLength(3);
    const delivered = to(mailer.delivered, 'flaky@example.com');
    expect(delivered.map((message) => message.subject)).toEqual([RESET_SUBJECT]);
    expect(logger.errors).toEqual([]);

    const token = delivered[0].text.split(RESET_URL)[1]?.split(/\s/)[0];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await host
      .http()
      .post('/auth/password/reset/confirm')
      .send({ token, newPassword: 'a brand new phrase' })
      .expect(204);
    await host.login('flaky', 'a brand new phrase');
  });

  it("counts a mail against its address's allowance once, however many tries it took, and logs one it holds back", async () => {
    const delivered: number[] = [];
    try {
      for (let i = 0; i < 6; i += 1) {
        mailer.failures = 2;
        await requestReset('patient@example.com').expect(202);
        await host.drainMail();
        delivered.push(to(mailer.delivered, 'patient@example.com').length);
        host.clock.advance(61);
      }
    } finally {
      host.clock.advance(-6 * 61);
    }
    expect(delivered).toEqual([1, 2, 3, 4, 5, 5]);
    expect(logger.warnings.filter((line) => line.includes('was not sent'))).toHaveLength(1);
  });

  it('tries a mail that always fails exactly 3 times, then logs one error without the token or the link', async () => {
    mailer.failures = Number.POSITIVE_INFINITY;
    await requestReset('doomed@example.com').expect(202);
    await host.drainMail();
    const calls = to(mailer.calls, 'doomed@example.com');
    expect(calls).toHaveLength(3);
    expect(mailer.delivered).toEqual([]);
    expect(logger.errors.filter((line) => /giving up/i.test(line))).toHaveLength(1);
    expect(logger.errors).toHaveLength(1);

    const links = calls.map((message) => /https?:\/\/\S+/.exec(message.text)?.[0] as string);
    const secrets = [...links, ...links.map((link) => link.split(RESET_URL)[1])];
    for (const secret of secrets) expect(secret).toBeTruthy();
    for (const line of logger.all) {
      for (const secret of secrets)
        expect({ line, leaked: line.includes(secret) ? secret : null }).toEqual({ line, leaked: null });
    }
  });
});

describe.each(TEST_DATABASES)('resend once the last link has expired (%s)', (db) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      options: { ...MAILING, emailConfirm: { ...MAILING.emailConfirm, ttl: 30 } },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  it('sends a fresh link at once when the last one expired, though the resend interval (60 s) has not passed', async () => {
    const resend = () => host.http().post('/auth/register/resend').send({ email: 'late@example.com' }).expect(202);
    await host
      .http()
      .post('/auth/register')
      .send({ username: 'late', password: PASSWORD, email: 'late@example.com' })
      .expect(201);
    await smtp.waitFor('late@example.com', 1);
    // The interval holds while the link still works.
    await resend();
    await host.drainMail();
    expect(smtp.to('late@example.com')).toHaveLength(1);

    host.clock.advance(31);
    try {
      await resend();
      await host.drainMail();
      expect(smtp.to('late@example.com')).toHaveLength(2);
      await resend();
      await host.drainMail();
      expect(smtp.to('late@example.com')).toHaveLength(2);

      const fresh = smtp.to('late@example.com')[1].link as string;
      await host.http().get(new URL(fresh).pathname).expect(302);
      expect((await host.http().post('/auth/login').send({ username: 'late', password: PASSWORD })).status).toBe(200);
    } finally {
      host.clock.advance(-31);
    }
  });
});
