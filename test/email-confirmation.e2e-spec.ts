import { EmailConfirmationService, UserStore, type AuthTokenOptions } from 'nestjs-auth-token';
import { json, type FieldErrorsBody } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import type { User } from './fixtures/library-host/user.entity.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const CONFIRM: AuthTokenOptions['emailConfirm'] = {
  enabled: true,
  baseUrl: 'http://app.test:8080',
  from: 'Demo <noreply@app.test>',
};
const LINK = /^http:\/\/app\.test:8080\/auth\/register\/confirm\/([A-Za-z0-9_-]{43})$/;
const PASSWORD = 'violet staple battery';

describe.each(TEST_MATRIX)('e-mail confirmation over real SMTP (%s, %s)', (db, platform) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      platform,
      options: { registration: { enabled: true }, emailConfirm: CONFIRM },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });
  afterEach(() => {
    smtp.refuse = false;
  });

  const register = (username: string, email?: string) =>
    host.http().post('/auth/register').send({ username, password: PASSWORD, email });
  const login = (username: string) => host.http().post('/auth/login').send({ username, password: PASSWORD });
  const pathOf = (link: string) => new URL(link).pathname;

  async function registerAndGetLink(username: string, email: string): Promise<string> {
    await register(username, email).expect(201);
    const mail = await smtp.waitFor(email);
    expect(mail.link).toMatch(LINK);
    return mail.link as string;
  }

  it('mails a link on registration; login answers 403 until the link is opened, then 200', async () => {
    const response = await register('amelia', 'amelia@example.com');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ success: true });
    const mail = await smtp.waitFor('amelia@example.com');
    expect(mail).toMatchObject({ from: 'noreply@app.test', subject: 'Confirm your e-mail address' });
    expect(mail.text).toContain('Hello amelia');
    expect(mail.link).toMatch(LINK);
    expect(mail.html).toContain(`href="${mail.link}"`);

    const early = await login('amelia');
    expect(early.status).toBe(403);
    expect(early.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'E-mail address not confirmed. Please open the link we sent you.',
    });

    const confirm = await host.http().get(pathOf(mail.link as string));
    expect(confirm.status).toBe(302);
    expect(confirm.headers.location).toBe('/');
    expect((await login('amelia')).status).toBe(200);
  });

  it('says 403 only after a right password: a wrong one stays the generic 401', async () => {
    await registerAndGetLink('bertha', 'bertha@example.com');
    const wrong = await host.http().post('/auth/login').send({ username: 'bertha', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
  });

  it('requires an e-mail address to register', async () => {
    const response = await json<FieldErrorsBody>(register('noaddress'));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual({ email: ['An e-mail address is required.'] });
  });

  it('keeps a link valid after use (link scanners), by GET and POST, and under parallel use', async () => {
    const link = await registerAndGetLink('clara', 'clara@example.com');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? host.http().get(pathOf(link)) : host.http().post(pathOf(link)))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(302));
    expect(responses.map((r) => r.headers.location)).toEqual(Array(8).fill('/'));
    await host
      .http()
      .get(`${pathOf(link)}/`)
      .expect(302);
    expect((await login('clara')).status).toBe(200);
  });

  it.each([
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed token', 'not-a-token'],
    ['a huge token', 'x'.repeat(3000)],
  ])('answers %s with 400 plain text', async (_case, token) => {
    const response = await host.http().get(`/auth/register/confirm/${token}`);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toBe('This confirmation link is invalid or has expired.');
  });

  it('lets a link expire after emailConfirm.ttl (by default 1 day)', async () => {
    const link = await registerAndGetLink('dora', 'dora@example.com');
    host.clock.advance(86_400 + 1);
    try {
      await host.http().get(pathOf(link)).expect(400);
      expect((await login('dora')).status).toBe(403);
    } finally {
      host.clock.advance(-(86_400 + 1));
    }
  });

  it('voids a link when the address changes, and markEmailChanged() unconfirms the user', async () => {
    const link = await registerAndGetLink('edith', 'edith@example.com');
    await host.query('UPDATE users SET email = $1 WHERE username = $2', ['edith@elsewhere.example', 'edith']);
    await host.http().get(pathOf(link)).expect(400);

    const fresh = await registerAndGetLink('fiona', 'fiona@example.com');
    await host.http().get(pathOf(fresh)).expect(302);
    const store = host.app.get(UserStore);
    const fiona = (await store.findByLogin('fiona')) as User;
    await host.app.get(EmailConfirmationService).markEmailChanged(fiona);
    expect((await login('fiona')).status).toBe(403);
    await host.http().get(pathOf(fresh)).expect(400);
  });

  it('resends a fresh link to an unconfirmed account, at most once a minute, and tells nothing about accounts', async () => {
    await registerAndGetLink('gina', 'gina@example.com');
    const again = await host.http().post('/auth/register/resend').send({ email: 'GINA@example.com' });
    expect(again.status).toBe(202);
    await host.drainMail();
    expect(smtp.to('gina@example.com')).toHaveLength(1);

    host.clock.advance(61);
    try {
      await host.http().post('/auth/register/resend').send({ email: 'gina@example.com' }).expect(202);
      const second = await smtp.waitFor('gina@example.com', 2);
      await host.http().post('/auth/register/resend').send({ username: 'gina' }).expect(202);
      await host.drainMail();
      expect(smtp.to('gina@example.com')).toHaveLength(2);
      await host
        .http()
        .get(pathOf(second.link as string))
        .expect(302);

      host.clock.advance(61);
      const confirmed = await host.http().post('/auth/register/resend').send({ email: 'gina@example.com' });
      const unknown = await host.http().post('/auth/register/resend').send({ email: 'nobody@example.com' });
      const empty = await host.http().post('/auth/register/resend').send({});
      for (const response of [confirmed, unknown, empty]) {
        expect(response.status).toBe(202);
        expect(response.body).toEqual({ success: true });
      }
      await host.drainMail();
      expect(smtp.to('gina@example.com')).toHaveLength(2);
      expect(smtp.to('nobody@example.com')).toHaveLength(0);
    } finally {
      host.clock.advance(-122);
    }
  });

  it('limits resend requests per address to 10 a window (429), known address or not', async () => {
    await host.query('DELETE FROM auth_throttle');
    for (const email of ['gina@example.com', 'unknown@example.com']) {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1)
        statuses.push((await host.http().post('/auth/register/resend').send({ email })).status);
      expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
    }
    await host.query('DELETE FROM auth_throttle');
  });

  it('undoes the registration with a 503 when the mail server refuses the mail, leaving the username free', async () => {
    smtp.refuse = true;
    const refused = await register('hanna', 'hanna@example.com');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The e-mail could not be sent. Please try again later.',
    });
    expect(await host.query('SELECT id FROM users WHERE username = $1', ['hanna'])).toHaveLength(0);
    smtp.refuse = false;
    await register('hanna', 'hanna@example.com').expect(201);
  });

  it('lets the host send a link itself (sendConfirmationEmail)', async () => {
    const user = await host.createUser({ username: 'ida', password: PASSWORD, email: 'ida@example.com' });
    const store = host.app.get(UserStore);
    await host.app.get(EmailConfirmationService).sendConfirmationEmail((await store.findById(user.id)) as User);
    const mail = await smtp.waitFor('ida@example.com');
    await host
      .http()
      .get(pathOf(mail.link as string))
      .expect(302);
    expect((await login('ida')).status).toBe(200);
  });
});

describe.each(TEST_MATRIX)('confirmation redirects (%s, %s)', (db, platform) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      platform,
      options: {
        registration: { enabled: true },
        emailConfirm: {
          ...CONFIRM,
          redirect: { success: '/welcome?confirmed=1', invalid: 'http://app.test:8080/#invalid' },
        },
      },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  it('redirects to emailConfirm.redirect.success and .invalid', async () => {
    await host
      .http()
      .post('/auth/register')
      .send({ username: 'jane', password: PASSWORD, email: 'jane@example.com' })
      .expect(201);
    const mail = await smtp.waitFor('jane@example.com');
    const ok = await host.http().get(new URL(mail.link as string).pathname);
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe('/welcome?confirmed=1');
    const bad = await host.http().get(`/auth/register/confirm/${'B'.repeat(43)}`);
    expect(bad.status).toBe(302);
    expect(bad.headers.location).toBe('http://app.test:8080/#invalid');
  });
});
