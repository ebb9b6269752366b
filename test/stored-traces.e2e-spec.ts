import { createHash } from 'node:crypto';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
const RESET_URL = 'http://localhost:3000/#reset=';
const SECRET = 'a server secret of at least 32 characters';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(TEST_DATABASES)('what the throttle table and the mail paths leave behind (%s)', (db) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;
  const warnings: string[] = [];

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      trustProxy: 'loopback',
      mailer: new SmtpMailer(smtp.port),
      logger: {
        log: () => undefined,
        error: () => undefined,
        warn: (message: unknown) => warnings.push(String(message)),
      },
      options: {
        secret: SECRET,
        registration: { enabled: true },
        emailConfirm: { enabled: true, baseUrl: 'http://localhost:3000' },
        passwordReset: { url: RESET_URL },
        throttle: { maxMailsPerAddress: 2 },
      },
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  it('names throttle counters by a keyed hash: the plain SHA-256 of an address or a name is nowhere', async () => {
    await host
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ username: 'ghost', password: 'guess' })
      .expect(401);
    const keys = (await host.query<{ key: string }>('SELECT "key" FROM auth_throttle')).map((row) => row.key);
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key).toMatch(/^login-[a-z-]+:[0-9a-f]{64}$/);
    const plain = ['203.0.113.77', 'name:ghost', 'name:ghost\n203.0.113.77'].map(sha256);
    expect(keys.filter((key) => plain.includes(key.split(':')[1]))).toEqual([]);
    expect(warnings.filter((line) => line.includes('No server secret'))).toEqual([]);
  });

  it('mails one reset link when parallel requests ask for the same account', async () => {
    await host.createUser({ username: 'racer', password: PASSWORD, email: 'racer@example.com', emailConfirmed: true });
    const ips = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    await Promise.all(
      ips.map((ip) =>
        host
          .http()
          .post('/auth/password/reset')
          .set('X-Forwarded-For', ip)
          .send({ email: 'racer@example.com' })
          .expect(202),
      ),
    );
    await host.drainMail();
    expect(smtp.to('racer@example.com')).toHaveLength(1);
  });

  it('accepts a registration naming an address whose mail allowance is spent, without a mail', async () => {
    const victim = 'victim@example.com';
    for (const username of ['junk1', 'junk2']) {
      await host
        .http()
        .post('/auth/register')
        .set('X-Forwarded-For', '203.0.113.66')
        .send({ username, password: PASSWORD, email: victim })
        .expect(201);
    }
    await smtp.waitFor(victim, 2);
    const own = await host
      .http()
      .post('/auth/register')
      .set('X-Forwarded-For', '198.51.100.4')
      .send({ username: 'victim', password: PASSWORD, email: victim });
    expect(own.status).toBe(201);
    await host.drainMail();
    expect(smtp.to(victim)).toHaveLength(2);
    expect(await host.query('SELECT username FROM users WHERE username = $1', ['victim'])).toEqual([
      { username: 'victim' },
    ]);
  });
});

describe('a host with no server secret', () => {
  it('warns at start-up that throttle counters are plain hashes', async () => {
    const warnings: string[] = [];
    const host = await startLibraryHost('sqlite', {
      logger: {
        log: () => undefined,
        error: () => undefined,
        warn: (message: unknown) => warnings.push(String(message)),
      },
    });
    await host.close();
    expect(warnings.filter((line) => line.includes('No server secret'))).toHaveLength(1);
  });
});
