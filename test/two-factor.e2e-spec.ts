import { MfaService, UserStore } from 'nestjs-auth-token';
import {
  json,
  type CreatedApiToken,
  type FieldErrorsBody,
  type LoginResponse,
  type Me,
  type MfaChallenge,
  type RecoveryCodes,
  type TotpSetup,
} from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { match } from './fixtures/matchers.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';
import { totp } from './fixtures/totp.js';

const PASSWORD = 'violet staple battery';
const RESET_URL = 'http://localhost:3000/#reset=';
const MFA_KEY = Buffer.alloc(32, 9);

interface Enrolled {
  username: string;
  email: string;
  secret: string;
  recoveryCodes: string[];
  login: string;
}

describe.each(TEST_DATABASES)('two-factor login with TOTP (%s)', (db) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;
  const logs: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    const capture = (message: unknown) => logs.push(String(message));
    host = await startLibraryHost(db, {
      options: {
        mfa: { encryptionKey: MFA_KEY, issuer: 'Example Shop' },
        passwordReset: { url: RESET_URL },
        apiTokens: { enabled: true },
        scopes: HELLO_SCOPES,
      },
      mailer: new SmtpMailer(smtp.port),
      logger: { log: capture, warn: capture, error: capture },
    });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (token: string) => ({
    post: (path: string, body: object = {}) => host.http().post(path).set(bearer(token)).send(body),
    get: (path: string) => host.http().get(path).set(bearer(token)),
  });
  const passwordStep = (username: string, password = PASSWORD) =>
    host.http().post('/auth/login').send({ username, password });
  const secondStep = (body: object) => host.http().post('/auth/login/mfa').send(body);
  const code = (secret: string, offset = 0) => totp(secret, host.clock.now(), offset);

  /** A user with the second factor on: its base32 secret, its recovery codes, and a login token. */
  async function enrolled(): Promise<Enrolled> {
    counter += 1;
    const username = `second${counter}`;
    const email = `${username}@example.com`;
    await host.createUser({ username, password: PASSWORD, email, emailConfirmed: true });
    const login = await host.login(username, PASSWORD);
    const { secret } = (await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200))).body;
    const { recoveryCodes } = (
      await json<RecoveryCodes>(
        as(login)
          .post('/auth/mfa/totp/enable', { code: code(secret) })
          .expect(200),
      )
    ).body;
    return { username, email, secret, recoveryCodes, login };
  }
  /** Resets the password through the mailed link. */
  async function resetPassword(email: string, newPassword: string): Promise<void> {
    const before = smtp.to(email).filter((mail) => mail.link).length;
    await host.http().post('/auth/password/reset').send({ email }).expect(202);
    await host.drainMail();
    const token = ((await smtp.waitForLink(email, before + 1)).link as string).split('#reset=')[1];
    await host.http().post('/auth/password/reset/confirm').send({ token, newPassword }).expect(204);
  }
  /** Moves the clock to the next 30-second step (a code is accepted once per step). */
  const nextStep = () => host.clock.advance(30);

  it('sets up a base32 secret and otpauth URL, turns on with a valid code, shows 10 recovery codes once', async () => {
    const setter = { username: 'setter', password: PASSWORD, email: 'setter@example.com', emailConfirmed: true };
    await host.createUser(setter);
    const login = await host.login('setter', PASSWORD);
    expect((await json<Me>(as(login).get('/auth/me'))).body.mfaEnabled).toBe(false);
    const setup = await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200));
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const { secret } = setup.body;
    expect(setup.body.otpauthUrl).toBe(
      `otpauth://totp/Example%20Shop:setter?secret=${secret}&issuer=Example%20Shop&algorithm=SHA1&digits=6&period=30`,
    );
    // Nothing is on until enabled: the password alone still logs in.
    expect((await json<LoginResponse>(passwordStep('setter'))).body.token).toEqual(expect.any(String));
    const again = await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200));
    expect(again.body.secret).not.toBe(setup.body.secret);
    const wrong = await json<FieldErrorsBody>(
      as(login).post('/auth/mfa/totp/enable', { code: code(setup.body.secret) }),
    );
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['code']);
    const enabled = await json<RecoveryCodes>(
      as(login)
        .post('/auth/mfa/totp/enable', { code: code(again.body.secret) })
        .expect(200),
    );
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
    expect((await json<Me>(as(login).get('/auth/me'))).body.mfaEnabled).toBe(true);
    const rows = JSON.stringify(await host.query('SELECT * FROM auth_mfa'));
    expect(rows).not.toContain(again.body.secret);
    for (const recoveryCode of enabled.body.recoveryCodes) expect(rows).not.toContain(recoveryCode.replace(/-/g, ''));
  });

  it('asks for the second factor after the right password, and logs in with a code once', async () => {
    const { username, secret } = await enrolled();
    nextStep();
    const first = await json<MfaChallenge>(passwordStep(username));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: match.any(String), methods: ['totp'] });
    const done = await json<LoginResponse>(secondStep({ mfaToken: first.body.mfaToken, code: code(secret) }));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ token: match.stringMatching(/^nat_/), user: { username } });
    await as(done.body.token).get('/api/hello').expect(200);
    // The mfaToken is spent, and the same code is refused even with a fresh mfaToken.
    await secondStep({ mfaToken: first.body.mfaToken, code: code(secret) }).expect(401);
    const second = await json<MfaChallenge>(passwordStep(username));
    await secondStep({ mfaToken: second.body.mfaToken, code: code(secret) }).expect(401);
  });

  it('accepts one step of clock skew either way, not two', async () => {
    const { username, secret } = await enrolled();
    for (const [offset, status] of [
      [-1, 200],
      [1, 200],
      [2, 401],
      [-2, 401],
    ] as const) {
      nextStep();
      nextStep();
      nextStep();
      const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
      const response = await secondStep({ mfaToken, code: code(secret, offset) });
      expect({ offset, status: response.status }).toEqual({ offset, status });
    }
  });

  it('lets each recovery code log in once', async () => {
    const { username, recoveryCodes } = await enrolled();
    const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
    await secondStep({ mfaToken, recoveryCode: recoveryCodes[3].toUpperCase() }).expect(200);
    const again = (await json<MfaChallenge>(passwordStep(username))).body.mfaToken;
    await secondStep({ mfaToken: again, recoveryCode: recoveryCodes[3] }).expect(401);
    await secondStep({ mfaToken: again, recoveryCode: recoveryCodes[4] }).expect(200);
  });

  it('refuses an expired mfaToken, and never takes an mfaToken as a bearer token', async () => {
    const { username, secret } = await enrolled();
    const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
    for (const path of ['/api/hello', '/auth/me']) await as(mfaToken).get(path).expect(401);
    host.clock.advance(301);
    await secondStep({ mfaToken, code: code(secret) }).expect(401);
  });

  it('ends an mfaToken after 5 wrong codes: then even the right code gets 401', async () => {
    const { username, secret } = await enrolled();
    const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await secondStep({ mfaToken, code: String(100000 + i) })).status);
    expect(statuses).toEqual(Array(5).fill(401));
    nextStep();
    await secondStep({ mfaToken, code: code(secret) }).expect(401);
    // A new password step still works: the account's limit was not reached.
    const again = (await json<MfaChallenge>(passwordStep(username))).body.mfaToken;
    await secondStep({ mfaToken: again, code: code(secret) }).expect(200);
  });

  it('ends pending mfaTokens on log out everywhere, a password change and a password reset', async () => {
    const { username, email, secret, login } = await enrolled();
    const pending = async (password = PASSWORD) =>
      (await json<MfaChallenge>(passwordStep(username, password))).body.mfaToken;

    let mfaToken = await pending();
    await host.http().delete('/auth/sessions').set(bearer(login)).expect(204);
    nextStep();
    await secondStep({ mfaToken, code: code(secret) }).expect(401);

    mfaToken = await pending();
    nextStep();
    const fresh = (await json<LoginResponse>(secondStep({ mfaToken, code: code(secret) }).expect(200))).body.token;
    mfaToken = await pending();
    const change = { currentPassword: PASSWORD, newPassword: 'another violet staple' };
    await as(fresh).post('/auth/password/change', change).expect(204);
    nextStep();
    await secondStep({ mfaToken, code: code(secret) }).expect(401);

    mfaToken = await pending('another violet staple');
    await resetPassword(email, 'a third violet staple');
    nextStep();
    await secondStep({ mfaToken, code: code(secret) }).expect(401);
  });

  it('gives one IP 10 wrong codes per account however often the right password is repeated, then 429', async () => {
    const { username, secret } = await enrolled();
    const statuses: number[] = [];
    // The attack: the right password (stolen) earns a fresh mfaToken whenever the old one runs out.
    for (let round = 0; round < 3; round += 1) {
      const step = await json<MfaChallenge>(passwordStep(username));
      if (step.status !== 200) {
        statuses.push(step.status);
        break;
      }
      for (let i = 0; i < 5; i += 1) {
        const wrong = String(200000 + round * 10 + i);
        statuses.push((await secondStep({ mfaToken: step.body.mfaToken, code: wrong })).status);
      }
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    nextStep();
    const blocked = await passwordStep(username);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    await secondStep({ mfaToken: 'natmfa_none', code: code(secret) }).expect(401);
  });

  it('turns off and renews recovery codes only with the password, and keeps API tokens off these routes', async () => {
    const { username, login, recoveryCodes } = await enrolled();
    const created = await json<CreatedApiToken>(
      as(login)
        .post('/auth/tokens', { name: 'script', scopes: ['hello:read'] })
        .expect(201),
    );
    const api = created.body.token;
    const routes = ['/auth/mfa/totp/setup', '/auth/mfa/totp/enable', '/auth/mfa/disable', '/auth/mfa/recovery-codes'];
    for (const path of routes) {
      const { status } = await as(api).post(path, { password: PASSWORD, code: '000000' });
      expect({ path, status }).toEqual({ path, status: 403 });
    }
    expect((await as(login).post('/auth/mfa/recovery-codes', { password: 'wrong password' })).status).toBe(400);
    const renewed = await json<RecoveryCodes>(
      as(login).post('/auth/mfa/recovery-codes', { password: PASSWORD }).expect(200),
    );
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
    await secondStep({ mfaToken, recoveryCode: recoveryCodes[0] }).expect(401);
    const wrong = await json<FieldErrorsBody>(as(login).post('/auth/mfa/disable', { password: 'wrong password' }));
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['password']);
    await as(login).post('/auth/mfa/disable', { password: PASSWORD }).expect(204);
    expect((await json<LoginResponse>(passwordStep(username))).body.token).toEqual(expect.any(String));
  });

  it('keeps the second factor on after a password reset, and lets an admin reset it through MfaService', async () => {
    const { username, email, secret } = await enrolled();
    await resetPassword(email, 'a new violet staple');
    const afterReset = await json<MfaChallenge>(passwordStep(username, 'a new violet staple'));
    expect(afterReset.body.mfaRequired).toBe(true);
    nextStep();
    await secondStep({ mfaToken: afterReset.body.mfaToken, code: code(secret) }).expect(200);
    const [row] = await host.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
    const user = await host.app.get(UserStore).findById(row.id);
    expect(await host.app.get(MfaService).reset(user as object)).toBe(true);
    const relogin = await json<LoginResponse>(passwordStep(username, 'a new violet staple'));
    expect(relogin.body.token).toEqual(expect.any(String));
  });

  it('writes no secret, code or mfaToken to the logs or into another answer', async () => {
    const { username, secret, recoveryCodes, login } = await enrolled();
    const { mfaToken } = (await json<MfaChallenge>(passwordStep(username))).body;
    await secondStep({ mfaToken, code: '000000' });
    const me = (await as(login).get('/auth/me')).text;
    for (const value of [secret, mfaToken, ...recoveryCodes]) {
      const found = { value, inLogs: logs.some((line) => line.includes(value)), inMe: me.includes(value) };
      expect(found).toEqual({ value, inLogs: false, inMe: false });
    }
  });
});
