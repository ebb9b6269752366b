import { MfaService, UserStore } from 'nestjs-auth-token';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';
import { totp } from './fixtures/totp.js';

const PASSWORD = 'violet staple battery';
const RESET_URL = 'http://localhost:3000/#reset=';

describe.each(TEST_DATABASES)('two-factor login with TOTP, as the demo serves it (%s)', (db) => {
  let demo: DemoTestApp;
  let smtp: SmtpCatcher;
  const logs: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    const capture = (message: unknown) => logs.push(String(message));
    demo = await startDemoApp(db, {
      env: { AUTH_PASSWORD_RESET_URL: RESET_URL },
      mailer: new SmtpMailer(smtp.port),
      logger: { log: capture, warn: capture, error: capture },
    });
  });
  afterAll(async () => {
    await demo.close();
    await smtp.close();
  });
  beforeEach(() => demo.query('DELETE FROM auth_throttle'));

  const as = (token: string) => ({
    post: (path: string, body: object = {}) => demo.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => demo.http().get(path).set('Authorization', `Bearer ${token}`),
  });
  const passwordStep = (username: string) => demo.http().post('/auth/login').send({ username, password: PASSWORD });
  const secondStep = (body: object) => demo.http().post('/auth/login/mfa').send(body);

  /** A user with the second factor on: its base32 secret, its recovery codes, and a login token. */
  async function enrolled(): Promise<{ username: string; email: string; secret: string; recoveryCodes: string[]; login: string }> {
    counter += 1;
    const username = `second${counter}`;
    const email = `${username}@example.com`;
    await demo.createUser({ username, password: PASSWORD, email, emailConfirmed: true });
    const login = await demo.login(username, PASSWORD);
    const setup = await as(login).post('/auth/mfa/totp/setup').expect(200);
    const enabled = await as(login).post('/auth/mfa/totp/enable', { code: totp(setup.body.secret, demo.clock.now()) }).expect(200);
    return { username, email, secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes, login };
  }
  /** Moves the clock to the next 30-second step (a code is accepted once per step). */
  const nextStep = () => demo.clock.advance(30);

  it('sets up with a base32 secret and an otpauth URL, turns on only with a valid code, and gives ten recovery codes once', async () => {
    await demo.createUser({ username: 'setter', password: PASSWORD, email: 'setter@example.com', emailConfirmed: true });
    const login = await demo.login('setter', PASSWORD);
    expect((await as(login).get('/auth/me')).body.mfaEnabled).toBe(false);
    const setup = await as(login).post('/auth/mfa/totp/setup').expect(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toBe(`otpauth://totp/nestjs-auth-token%20demo:setter?secret=${setup.body.secret}&issuer=nestjs-auth-token%20demo&algorithm=SHA1&digits=6&period=30`);
    // Nothing is on until enabled: the password alone still logs in.
    expect((await passwordStep('setter')).body.token).toEqual(expect.any(String));
    const again = await as(login).post('/auth/mfa/totp/setup').expect(200);
    expect(again.body.secret).not.toBe(setup.body.secret);
    const wrong = await as(login).post('/auth/mfa/totp/enable', { code: totp(setup.body.secret, demo.clock.now()) });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['code']);
    const enabled = await as(login).post('/auth/mfa/totp/enable', { code: totp(again.body.secret, demo.clock.now()) }).expect(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
    expect((await as(login).get('/auth/me')).body.mfaEnabled).toBe(true);
    const rows = JSON.stringify(await demo.query('SELECT * FROM auth_mfa'));
    expect(rows).not.toContain(again.body.secret);
    for (const code of enabled.body.recoveryCodes) expect(rows).not.toContain(code.replace(/-/g, ''));
  });

  it('asks for the second factor after the right password, and logs in with a code once', async () => {
    const { username, secret } = await enrolled();
    nextStep();
    const first = await passwordStep(username);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    const code = totp(secret, demo.clock.now());
    const done = await secondStep({ mfaToken: first.body.mfaToken, code });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ token: expect.stringMatching(/^nat_/), user: { username } });
    await as(done.body.token).get('/api/hello').expect(200);
    // The mfaToken is spent, and the same code is refused even with a fresh mfaToken.
    await secondStep({ mfaToken: first.body.mfaToken, code }).expect(401);
    const second = await passwordStep(username);
    await secondStep({ mfaToken: second.body.mfaToken, code }).expect(401);
  });

  it('accepts one step of clock skew either way, not two', async () => {
    const { username, secret } = await enrolled();
    for (const [offset, status] of [[-1, 200], [1, 200], [2, 401], [-2, 401]] as const) {
      nextStep();
      nextStep();
      nextStep();
      const { mfaToken } = (await passwordStep(username)).body;
      const response = await secondStep({ mfaToken, code: totp(secret, demo.clock.now(), offset) });
      expect({ offset, status: response.status }).toEqual({ offset, status });
    }
  });

  it('lets each recovery code log in once', async () => {
    const { username, recoveryCodes } = await enrolled();
    const { mfaToken } = (await passwordStep(username)).body;
    await secondStep({ mfaToken, recoveryCode: recoveryCodes[3].toUpperCase() }).expect(200);
    const again = (await passwordStep(username)).body.mfaToken;
    await secondStep({ mfaToken: again, recoveryCode: recoveryCodes[3] }).expect(401);
    await secondStep({ mfaToken: again, recoveryCode: recoveryCodes[4] }).expect(200);
  });

  it('refuses an expired mfaToken, and never takes an mfaToken as a bearer token', async () => {
    const { username, secret } = await enrolled();
    const { mfaToken } = (await passwordStep(username)).body;
    for (const path of ['/api/hello', '/auth/me']) await demo.http().get(path).set('Authorization', `Bearer ${mfaToken}`).expect(401);
    demo.clock.advance(301);
    await secondStep({ mfaToken, code: totp(secret, demo.clock.now()) }).expect(401);
  });

  it('ends an mfaToken after 5 wrong codes: then even the right code gets 401', async () => {
    const { username, secret } = await enrolled();
    const { mfaToken } = (await passwordStep(username)).body;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await secondStep({ mfaToken, code: String(100000 + i) })).status);
    expect(statuses).toEqual(Array(5).fill(401));
    nextStep();
    await secondStep({ mfaToken, code: totp(secret, demo.clock.now()) }).expect(401);
    // A new password step still works: the account's limit was not reached.
    const again = (await passwordStep(username)).body.mfaToken;
    await secondStep({ mfaToken: again, code: totp(secret, demo.clock.now()) }).expect(200);
  });

  it('ends pending mfaTokens on log out everywhere, a password change and a password reset', async () => {
    const { username, email, secret, login } = await enrolled();
    const pending = async () => (await passwordStep(username)).body.mfaToken as string;
    const code = () => totp(secret, demo.clock.now());

    let mfaToken = await pending();
    await demo.http().delete('/auth/sessions').set('Authorization', `Bearer ${login}`).expect(204);
    nextStep();
    await secondStep({ mfaToken, code: code() }).expect(401);

    mfaToken = await pending();
    nextStep();
    const fresh = (await secondStep({ mfaToken, code: code() }).expect(200)).body.token;
    mfaToken = await pending();
    await as(fresh).post('/auth/password/change', { currentPassword: PASSWORD, newPassword: 'another violet staple' }).expect(204);
    nextStep();
    await secondStep({ mfaToken, code: code() }).expect(401);

    mfaToken = (await demo.http().post('/auth/login').send({ username, password: 'another violet staple' })).body.mfaToken;
    await demo.http().post('/auth/password/reset').send({ email }).expect(202);
    await demo.drainMail();
    const link = (await smtp.waitFor(email)).link as string;
    await demo.http().post('/auth/password/reset/confirm').send({ token: link.split('#reset=')[1], newPassword: 'a third violet staple' }).expect(204);
    nextStep();
    await secondStep({ mfaToken, code: code() }).expect(401);
  });

  it('gives one IP 10 wrong codes per account however often the right password is repeated, then 429', async () => {
    const { username, secret } = await enrolled();
    const statuses: number[] = [];
    // The attack: the right password (stolen) earns a fresh mfaToken whenever the old one runs out.
    for (let round = 0; round < 3; round += 1) {
      const step = await passwordStep(username);
      if (step.status !== 200) {
        statuses.push(step.status);
        break;
      }
      for (let i = 0; i < 5; i += 1) statuses.push((await secondStep({ mfaToken: step.body.mfaToken, code: String(200000 + round * 10 + i) })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    nextStep();
    const blocked = await passwordStep(username);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    await secondStep({ mfaToken: 'natmfa_none', code: totp(secret, demo.clock.now()) }).expect(401);
  });

  it('turns off and renews recovery codes only with the password, and keeps API tokens off these routes', async () => {
    const { username, login, recoveryCodes } = await enrolled();
    const api = (await as(login).post('/auth/tokens', { name: 'script', scopes: ['hello:read'] }).expect(201)).body.token;
    for (const path of ['/auth/mfa/totp/setup', '/auth/mfa/totp/enable', '/auth/mfa/disable', '/auth/mfa/recovery-codes']) {
      expect({ path, status: (await as(api).post(path, { password: PASSWORD, code: '000000' })).status }).toEqual({ path, status: 403 });
    }
    expect((await as(login).post('/auth/mfa/recovery-codes', { password: 'wrong password' })).status).toBe(400);
    const renewed = (await as(login).post('/auth/mfa/recovery-codes', { password: PASSWORD }).expect(200)).body.recoveryCodes;
    expect(renewed).toHaveLength(10);
    const { mfaToken } = (await passwordStep(username)).body;
    await secondStep({ mfaToken, recoveryCode: recoveryCodes[0] }).expect(401);
    const wrong = await as(login).post('/auth/mfa/disable', { password: 'wrong password' });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['password']);
    await as(login).post('/auth/mfa/disable', { password: PASSWORD }).expect(204);
    expect((await passwordStep(username)).body.token).toEqual(expect.any(String));
  });

  it('keeps the second factor on after a password reset, and lets an admin reset it through MfaService', async () => {
    const { username, email, secret } = await enrolled();
    await demo.http().post('/auth/password/reset').send({ email }).expect(202);
    await demo.drainMail();
    const link = (await smtp.waitFor(email)).link as string;
    await demo.http().post('/auth/password/reset/confirm').send({ token: link.split('#reset=')[1], newPassword: 'a new violet staple' }).expect(204);
    const afterReset = await demo.http().post('/auth/login').send({ username, password: 'a new violet staple' });
    expect(afterReset.body.mfaRequired).toBe(true);
    nextStep();
    await secondStep({ mfaToken: afterReset.body.mfaToken, code: totp(secret, demo.clock.now()) }).expect(200);
    const [row] = await demo.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
    const user = await demo.app.get(UserStore).findById(row.id);
    expect(await demo.app.get(MfaService).reset(user as object)).toBe(true);
    expect((await demo.http().post('/auth/login').send({ username, password: 'a new violet staple' })).body.token).toEqual(expect.any(String));
  });

  it('writes no secret, code or mfaToken to the logs or into another answer', async () => {
    const { username, secret, recoveryCodes, login } = await enrolled();
    const { mfaToken } = (await passwordStep(username)).body;
    await secondStep({ mfaToken, code: '000000' });
    const me = (await as(login).get('/auth/me')).text;
    for (const value of [secret, mfaToken, ...recoveryCodes]) {
      expect({ value, inLogs: logs.some((line) => line.includes(value)), inMe: me.includes(value) }).toEqual({ value, inLogs: false, inMe: false });
    }
  });
});
