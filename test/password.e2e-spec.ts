import { json, type FieldErrorsBody } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const OLD = 'violet staple battery';
const NEW = 'amber window lantern';
const RESET_URL = 'http://app.test/#reset=';

describe.each(TEST_DATABASES)('password change and reset (%s)', (db) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      options: { passwordReset: { url: RESET_URL } },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  /** A fresh user per test, so the tests do not depend on each other. */
  async function newUser(): Promise<{ username: string; email: string }> {
    counter += 1;
    const user = { username: `user${counter}`, email: `user${counter}@example.com` };
    await host.createUser({ ...user, password: OLD });
    return user;
  }
  const auth = (token: string) => ({ Authorization: `Token ${token}` });
  const hello = (token: string) => host.http().get('/api/hello').set(auth(token));
  const change = (token: string, body: object) => host.http().post('/auth/password/change').set(auth(token)).send(body);

  describe('POST /auth/password/change', () => {
    it('sets the new password, keeps the current session and logs out every other one', async () => {
      const { username } = await newUser();
      const [here, elsewhere] = [await host.login(username, OLD), await host.login(username, OLD)];
      const response = await change(here, { currentPassword: OLD, newPassword: NEW });
      expect(response.status).toBe(204);
      expect(response.headers['cache-control']).toBe('no-store');
      await hello(here).expect(200);
      await hello(elsewhere).expect(401);
      await host.http().post('/auth/login').send({ username, password: OLD }).expect(401);
      await host.login(username, NEW);
    });

    it('refuses a wrong current password with a 400 naming the field, changing nothing', async () => {
      const { username } = await newUser();
      const [here, elsewhere] = [await host.login(username, OLD), await host.login(username, OLD)];
      const response = await json<FieldErrorsBody>(
        change(here, { currentPassword: 'not my password', newPassword: NEW }),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual({ currentPassword: ['The current password is wrong.'] });
      await hello(elsewhere).expect(200);
      await host.login(username, OLD);
    });

    it('applies the password policy to the new password', async () => {
      const { username } = await newUser();
      const token = await host.login(username, OLD);
      const response = await json<FieldErrorsBody>(change(token, { currentPassword: OLD, newPassword: username }));
      expect(response.status).toBe(400);
      expect(response.body.errors.newPassword).toEqual(
        expect.arrayContaining(['The password is too similar to the username or e-mail address.']),
      );
      await host.login(username, OLD);
    });

    it('needs a token and both fields', async () => {
      await host.http().post('/auth/password/change').send({ currentPassword: OLD, newPassword: NEW }).expect(401);
      const { username } = await newUser();
      const response = await json<FieldErrorsBody>(change(await host.login(username, OLD), { newPassword: NEW }));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['currentPassword']);
    });
  });

  describe('password reset by e-mail', () => {
    async function requestReset(email: string, count = 1): Promise<string> {
      await host.http().post('/auth/password/reset').send({ email }).expect(202);
      const mail = await smtp.waitFor(email, count);
      expect(mail.subject).toBe('Reset your password');
      expect(mail.link?.slice(0, RESET_URL.length)).toBe(RESET_URL);
      return (mail.link as string).slice(RESET_URL.length);
    }
    const confirm = (token: string, newPassword = NEW) =>
      host.http().post('/auth/password/reset/confirm').send({ token, newPassword });

    it('mails a link, sets the new password with it, and logs the user out everywhere', async () => {
      const { username, email } = await newUser();
      const session = await host.login(username, OLD);
      const token = await requestReset(email.toUpperCase().replace('@EXAMPLE.COM', '@example.com'));
      const response = await confirm(token);
      expect(response.status).toBe(204);
      await hello(session).expect(401);
      await host.http().post('/auth/login').send({ username, password: OLD }).expect(401);
      await host.login(username, NEW);
    });

    it('answers 202 for an unknown address and sends nothing', async () => {
      const response = await host.http().post('/auth/password/reset').send({ email: 'nobody@example.com' });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ success: true });
      await host.drainMail();
      expect(smtp.to('nobody@example.com')).toHaveLength(0);
    });

    it('makes a link single-use', async () => {
      const { email } = await newUser();
      const token = await requestReset(email);
      await confirm(token).expect(204);
      const again = await json<FieldErrorsBody>(confirm(token, 'a third good phrase'));
      expect(again.status).toBe(400);
      expect(again.body.errors).toEqual({
        token: ['This password reset link is invalid, was already used or has expired.'],
      });
    });

    it('lets exactly one of parallel confirmations with the same link win', async () => {
      const { username, email } = await newUser();
      const token = await requestReset(email);
      const responses = await Promise.all(Array.from({ length: 6 }, () => confirm(token)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([204, 400, 400, 400, 400, 400]);
      await host.login(username, NEW);
    });

    it('lets a link expire after an hour', async () => {
      const { email } = await newUser();
      const token = await requestReset(email);
      host.clock.advance(3601);
      try {
        await confirm(token).expect(400);
      } finally {
        host.clock.advance(-3601);
      }
    });

    it('keeps the link usable when the new password breaks the policy', async () => {
      const { username, email } = await newUser();
      const token = await requestReset(email);
      const weak = await json<FieldErrorsBody>(confirm(token, 'password'));
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual({ newPassword: ['This password is too common.'] });
      await confirm(token).expect(204);
      await host.login(username, NEW);
    });

    it('sends at most one mail a minute per account, and a newer link voids the older one', async () => {
      const { email } = await newUser();
      const first = await requestReset(email);
      await host.http().post('/auth/password/reset').send({ email }).expect(202);
      await host.drainMail();
      expect(smtp.to(email)).toHaveLength(1);
      host.clock.advance(61);
      try {
        const second = await requestReset(email, 2);
        await confirm(first).expect(400);
        await confirm(second).expect(204);
      } finally {
        host.clock.advance(-61);
      }
    });

    it('refuses unknown, empty and non-string tokens', async () => {
      await confirm('x'.repeat(43)).expect(400);
      await confirm('').expect(400);
      const response = await host
        .http()
        .post('/auth/password/reset/confirm')
        .send({ token: { $gt: '' }, newPassword: NEW });
      expect(response.status).toBe(400);
    });

    it('still answers 202 when the mail server refuses, tries three times, and leaves no usable link', async () => {
      const { email } = await newUser();
      smtp.refuse = true;
      try {
        await host.http().post('/auth/password/reset').send({ email }).expect(202);
        await host.drainMail();
      } finally {
        smtp.refuse = false;
      }
      expect(smtp.refused.filter((to) => to === email)).toHaveLength(3);
      expect(await host.query('SELECT id FROM auth_email_token WHERE email = $1', [email])).toHaveLength(0);
    });
  });
});
