import {
  json,
  type ErrorBody,
  type FieldErrorsBody,
  type LoginResponse,
  type MfaChallenge,
  type TotpSetup,
} from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { match } from './fixtures/matchers.js';
import {
  SoftwareAuthenticator,
  type CreationOptionsJSON,
  type RequestOptionsJSON,
} from './fixtures/passkey-authenticator.js';
import { totp } from './fixtures/totp.js';

// The library's passkeys are tested on its own host (test/passkeys.e2e-spec.ts); this is the demo as the
// CONTRACT's "Passkeys (WebAuthn)" fixes it: on by default, relying party localhost for http://localhost:$PORT.

const PASSWORD = 'violet staple battery';
const ORIGIN = 'http://localhost:3000';

interface Options<T> {
  challengeId: string;
  options: T;
}

describe.each(TEST_DATABASES)('passkeys as the demo serves them (%s)', (db) => {
  let demo: DemoTestApp;
  let counter = 0;

  beforeAll(async () => {
    demo = await startDemoApp(db, { env: { AUTH_EMAIL_CONFIRM: 'true', AUTH_REAUTH_WINDOW: '600' } });
  });
  afterAll(() => demo.close());

  const as = (token: string) => ({
    get: (path: string) => demo.http().get(path).set('Authorization', `Token ${token}`),
    post: (path: string, body: object = {}) => demo.http().post(path).set('Authorization', `Token ${token}`).send(body),
    delete: (path: string) => demo.http().delete(path).set('Authorization', `Token ${token}`),
  });

  async function member() {
    counter += 1;
    const username = `demokey${counter}`;
    const user = await demo.createUser({
      username,
      password: PASSWORD,
      email: `${username}@example.com`,
      emailConfirmed: true,
    });
    return {
      user,
      username,
      login: await demo.login(username, PASSWORD),
      authenticator: new SoftwareAuthenticator(ORIGIN),
    };
  }
  async function addPasskey(login: string, authenticator: SoftwareAuthenticator, name?: string) {
    const { challengeId, options } = (
      await json<Options<CreationOptionsJSON>>(as(login).post('/auth/passkeys/register/options').expect(200))
    ).body;
    return json<{ id: string; name: string; createdAt: string }>(
      as(login).post('/auth/passkeys/register', { challengeId, response: authenticator.create(options), name }),
    );
  }
  async function passkeyLogin(authenticator: SoftwareAuthenticator) {
    const { challengeId, options } = (
      await json<Options<RequestOptionsJSON>>(demo.http().post('/auth/login/passkey/options/').expect(200))
    ).body;
    return json<LoginResponse>(
      demo
        .http()
        .post('/auth/login/passkey/')
        .send({ challengeId, response: authenticator.get(options) }),
    );
  }

  it('is the relying party localhost, with the options the contract fixes', async () => {
    const { login, username } = await member();
    const creation = (
      await json<Options<CreationOptionsJSON>>(as(login).post('/auth/passkeys/register/options').expect(200))
    ).body;
    expect(creation).toEqual({ challengeId: match.any(String), options: match.any(Object) });
    expect(creation.options).toMatchObject({
      rp: { id: 'localhost', name: 'nestjs-auth-token demo' },
      user: { name: username },
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
    });
    expect(creation.options.pubKeyCredParams).toContainEqual({ alg: -7, type: 'public-key' });
    const request = (
      await json<Options<RequestOptionsJSON>>(demo.http().post('/auth/login/passkey/options').expect(200))
    ).body;
    expect(request.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [] });
  });

  it('adds, lists and removes passkeys, and logs in with one: a login without a second step', async () => {
    const { user, username, login, authenticator } = await member();
    const added = await addPasskey(login, authenticator, 'Laptop');
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: match.any(String), name: 'Laptop', createdAt: match.any(String) });
    const tooLong = await json<FieldErrorsBody>(
      as(login).post('/auth/passkeys/register', { challengeId: 'x', response: {}, name: 'x'.repeat(101) }),
    );
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.errors)).toEqual(['name']);
    expect((await as(login).get('/auth/passkeys').expect(200)).body).toEqual([
      { id: added.body.id, name: 'Laptop', createdAt: added.body.createdAt, lastUsedAt: null },
    ]);
    const done = await passkeyLogin(authenticator);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      token: match.any(String),
      expiresAt: match.any(String),
      user: { id: user.id, username, email: `${username}@example.com` },
    });
    await as(done.body.token).get('/api/hello').expect(200);
    const other = await member();
    await as(other.login).delete(`/auth/passkeys/${added.body.id}`).expect(404);
    await as(login).delete(`/auth/passkeys/${added.body.id}`).expect(204);
    expect((await passkeyLogin(authenticator)).status).toBe(401);
  });

  it('refuses a passkey login of an unconfirmed or inactive user like a password login', async () => {
    const { user, login, authenticator } = await member();
    await addPasskey(login, authenticator);
    await demo.query('UPDATE users SET "emailConfirmed" = $1 WHERE id = $2', [false, user.id]);
    const unconfirmed = await passkeyLogin(authenticator);
    expect(unconfirmed.status).toBe(403);
    await demo.query('UPDATE users SET "emailConfirmed" = $1, "isActive" = $2 WHERE id = $3', [true, false, user.id]);
    expect((await passkeyLogin(authenticator)).status).toBe(401);
    await demo.query('UPDATE users SET "isActive" = $1 WHERE id = $2', [true, user.id]);
    expect((await passkeyLogin(authenticator)).status).toBe(200);
  });

  it('offers "passkey" beside "totp" as the second factor', async () => {
    const { username, login, authenticator } = await member();
    const { secret } = (await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200))).body;
    await as(login)
      .post('/auth/mfa/totp/enable', { code: totp(secret, demo.clock.now()) })
      .expect(200);
    const password = () => json<MfaChallenge>(demo.http().post('/auth/login').send({ username, password: PASSWORD }));
    expect((await password()).body.methods).toEqual(['totp']);
    await addPasskey(login, authenticator);
    const { mfaToken, methods } = (await password()).body;
    expect(methods).toEqual(['totp', 'passkey']);
    const { challengeId, options } = (
      await json<Options<RequestOptionsJSON>>(
        demo.http().post('/auth/login/mfa/passkey/options').send({ mfaToken }).expect(200),
      )
    ).body;
    expect(options.allowCredentials.map((credential) => credential.id)).toEqual([authenticator.credentials[0].id]);
    const done = await json<LoginResponse>(
      demo
        .http()
        .post('/auth/login/mfa')
        .send({ mfaToken, challengeId, response: authenticator.get(options) }),
    );
    expect(done.status).toBe(200);
    expect(done.body.token).toEqual(expect.any(String));
  });

  it('re-authenticates with a passkey, and refuses a foreign one with 400 naming the field', async () => {
    const { login, authenticator } = await member();
    await addPasskey(login, authenticator);
    demo.clock.advance(601);
    const stale = await json<ErrorBody>(as(login).post('/auth/passkeys/register/options'));
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe('reauthentication_required');
    const ask = async () =>
      (await json<Options<RequestOptionsJSON>>(as(login).post('/auth/reauthenticate/passkey/options').expect(200)))
        .body;
    const first = await ask();
    const foreign = new SoftwareAuthenticator(ORIGIN);
    foreign.create(
      (await json<Options<CreationOptionsJSON>>(as((await member()).login).post('/auth/passkeys/register/options')))
        .body.options,
    );
    const refused = await json<FieldErrorsBody>(
      as(login).post('/auth/reauthenticate', {
        challengeId: first.challengeId,
        response: foreign.get({ ...first.options, allowCredentials: [] }),
      }),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['response']);
    const second = await ask();
    await as(login)
      .post('/auth/reauthenticate', { challengeId: second.challengeId, response: authenticator.get(second.options) })
      .expect(204);
    await as(login).post('/auth/passkeys/register/options').expect(200);
  });

  it('gives API tokens 403 on the passkey routes', async () => {
    const { login } = await member();
    const { token } = (
      await as(login)
        .post('/auth/tokens', { name: 'CI', scopes: ['hello:read'] })
        .expect(201)
    ).body as { token: string };
    for (const path of ['/auth/passkeys/register/options', '/auth/reauthenticate/passkey/options'])
      expect((await as(token).post(path)).status).toBe(403);
    expect((await as(token).get('/auth/passkeys')).status).toBe(403);
  });
});
