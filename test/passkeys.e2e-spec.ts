import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { AUTH_TOKEN_EVENTS, AUTH_TOKEN_MESSAGES } from 'nestjs-auth-token';
import {
  json,
  type CreatedApiToken,
  type ErrorBody,
  type FieldErrorsBody,
  type LoginResponse,
  type MfaChallenge,
  type TotpSetup,
} from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { match } from './fixtures/matchers.js';
import {
  SoftwareAuthenticator,
  type CreationOptionsJSON,
  type RequestOptionsJSON,
  type Tampering,
} from './fixtures/passkey-authenticator.js';
import { totp } from './fixtures/totp.js';

const PASSWORD = 'violet staple battery';
const ORIGIN = 'https://shop.example.test';
const RP_ID = 'example.test';
const WINDOW = 600;
const MFA_KEY = Buffer.alloc(32, 5);
/** The client IP's login limit of this host: small, so that the spec reaches it. */
const MAX_PER_IP = 12;

interface Options<T> {
  challengeId: string;
  options: T;
}
interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

describe.each(TEST_DATABASES)('passkeys (%s)', (db) => {
  let host: LibraryTestApp;
  const events: { name: string; payload: Record<string, unknown> }[] = [];
  let counter = 0;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      options: {
        passkeys: { rpId: RP_ID, rpName: 'Example Shop', origins: [ORIGIN, 'https://app.example.test'] },
        mfa: { encryptionKey: MFA_KEY },
        reauthentication: { window: WINDOW },
        apiTokens: { enabled: true },
        scopes: HELLO_SCOPES,
        throttle: { maxPerIp: MAX_PER_IP },
      },
      imports: [EventEmitterModule.forRoot({ wildcard: true })],
    });
    host.app
      .get(EventEmitter2)
      .onAny((name, payload: Record<string, unknown>) => events.push({ name: String(name), payload }));
  });
  afterAll(() => host.close());
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (token: string) => ({
    get: (path: string) => host.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => host.http().post(path).set(bearer(token)).send(body),
    patch: (path: string, body: object = {}) => host.http().patch(path).set(bearer(token)).send(body),
    delete: (path: string) => host.http().delete(path).set(bearer(token)),
  });

  /** A fresh user, its login token, and an authenticator of its own. */
  async function member(settings: { counting?: boolean } = {}) {
    counter += 1;
    const username = `keyholder${counter}`;
    const user = await host.createUser({ username, password: PASSWORD, email: `${username}@example.com` });
    const login = await host.login(username, PASSWORD);
    return { user, username, login, authenticator: new SoftwareAuthenticator(ORIGIN, settings) };
  }
  const registrationOptions = async (login: string) =>
    (await json<Options<CreationOptionsJSON>>(as(login).post('/auth/passkeys/register/options').expect(200))).body;
  /** Adds a passkey of `authenticator` to the account of `login`. */
  async function addPasskey(login: string, authenticator: SoftwareAuthenticator, name?: string): Promise<Passkey> {
    const { challengeId, options } = await registrationOptions(login);
    const response = authenticator.create(options);
    return (await json<Passkey>(as(login).post('/auth/passkeys/register', { challengeId, response, name }).expect(201)))
      .body;
  }
  const loginOptions = async () =>
    (await json<Options<RequestOptionsJSON>>(host.http().post('/auth/login/passkey/options').expect(200))).body;
  /** A passkey login with `authenticator`, its answer tampered with as given. */
  async function passkeyLogin(authenticator: SoftwareAuthenticator, tampering: Tampering = {}) {
    const { challengeId, options } = await loginOptions();
    return json<LoginResponse>(
      host
        .http()
        .post('/auth/login/passkey')
        .send({ challengeId, response: authenticator.get(options, tampering) }),
    );
  }

  it('gives creation options for a discoverable, user-verified ES256 passkey, excluding those the user has', async () => {
    const { login, username, authenticator } = await member();
    const first = await registrationOptions(login);
    expect(first.challengeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.options).toMatchObject({
      rp: { id: RP_ID, name: 'Example Shop' },
      user: { name: username, displayName: username },
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      attestation: 'none',
      timeout: 300_000,
    });
    expect(first.options.pubKeyCredParams).toContainEqual({ alg: -7, type: 'public-key' });
    expect(first.options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const added = await addPasskey(login, authenticator);
    expect(added).toEqual({
      id: match.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Passkey',
      createdAt: match.any(String),
    });
    const second = await registrationOptions(login);
    expect(second.options.challenge).not.toBe(first.options.challenge);
    expect(second.options.excludeCredentials).toEqual([
      { id: authenticator.credentials[0].id, type: 'public-key', transports: ['internal', 'hybrid'] },
    ]);
    // The user handle is the same for every passkey of a user, and another user's differs.
    expect(second.options.user.id).toBe(first.options.user.id);
    const other = await member();
    expect((await registrationOptions(other.login)).options.user.id).not.toBe(first.options.user.id);
  });

  it('needs a login token within the re-authentication window for the creation options', async () => {
    const { login } = await member();
    const apiToken = (
      await json<CreatedApiToken>(
        as(login)
          .post('/auth/tokens', { name: 'CI', scopes: ['hello:read'] })
          .expect(201),
      )
    ).body.token;
    for (const path of [
      '/auth/passkeys/register/options',
      '/auth/passkeys/register',
      '/auth/reauthenticate/passkey/options',
    ])
      expect((await as(apiToken).post(path)).status).toBe(403);
    expect((await as(apiToken).get('/auth/passkeys')).status).toBe(403);
    host.clock.advance(WINDOW + 1);
    const stale = await json<ErrorBody>(as(login).post('/auth/passkeys/register/options'));
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe('reauthentication_required');
    await as(login).post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
    await as(login).post('/auth/passkeys/register/options').expect(200);
  });

  it('adds, lists, renames and removes passkeys, each only by its own user, with events', async () => {
    const { user, login, authenticator } = await member();
    const laptop = await addPasskey(login, authenticator, 'Laptop');
    const phone = await addPasskey(login, new SoftwareAuthenticator(ORIGIN));
    expect(phone.name).toBe('Passkey 2');
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.passkeyAdded,
      payload: { userId: user.id, passkeyId: laptop.id, name: 'Laptop' },
    });
    const listed = (await json<Passkey[]>(as(login).get('/auth/passkeys').expect(200))).body;
    expect(listed).toEqual([
      { id: laptop.id, name: 'Laptop', createdAt: laptop.createdAt, lastUsedAt: null },
      { id: phone.id, name: 'Passkey 2', createdAt: phone.createdAt, lastUsedAt: null },
    ]);
    const renamed = await json<Passkey>(as(login).patch(`/auth/passkeys/${phone.id}`, { name: '  Phone ' }));
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: phone.id, name: 'Phone' });
    const tooLong = await json<FieldErrorsBody>(
      as(login).patch(`/auth/passkeys/${phone.id}`, { name: 'x'.repeat(101) }),
    );
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.errors)).toEqual(['name']);

    const stranger = await member();
    await as(stranger.login).delete(`/auth/passkeys/${laptop.id}`).expect(404);
    await as(stranger.login).patch(`/auth/passkeys/${laptop.id}`, { name: 'Mine' }).expect(404);
    await as(login).delete('/auth/passkeys/00000000-0000-4000-8000-000000000000').expect(404);
    await as(login).delete('/auth/passkeys/not-an-id').expect(404);
    await as(login).delete(`/auth/passkeys/${laptop.id}`).expect(204);
    await as(login).delete(`/auth/passkeys/${laptop.id}`).expect(404);
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.passkeyRemoved,
      payload: { userId: user.id, passkeyId: laptop.id, name: 'Laptop' },
    });
    const left = (await json<Passkey[]>(as(login).get('/auth/passkeys'))).body;
    expect(left.map((passkey) => passkey.name)).toEqual(['Phone']);
    // The removed passkey no longer logs in.
    expect((await passkeyLogin(authenticator)).status).toBe(401);
  });

  it('names a passkey of at most 100 characters, else 400 naming name', async () => {
    const { login, authenticator } = await member();
    const { challengeId, options } = await registrationOptions(login);
    const response = authenticator.create(options);
    const refused = await json<FieldErrorsBody>(
      as(login).post('/auth/passkeys/register', { challengeId, response, name: 'n'.repeat(101) }),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['name']);
    // The refused name spent nothing: the same answer is still good, with a name of 100 characters.
    const added = await json<Passkey>(
      as(login).post('/auth/passkeys/register', { challengeId, response, name: 'n'.repeat(100) }),
    );
    expect(added.status).toBe(201);
    expect(added.body.name).toHaveLength(100);
  });

  it.each<[string, Tampering, string]>([
    ['a client data type of a login', { type: 'webauthn.get' }, 'response'],
    ['another challenge', { challenge: Buffer.alloc(32, 1).toString('base64url') }, 'response'],
    ['an origin not allowed', { origin: 'https://evil.example' }, 'response'],
    ['the RP ID hash of another domain', { rpId: 'evil.example' }, 'response'],
    ['the user-present flag unset', { userPresent: false }, 'response'],
    ['the user-verified flag unset', { userVerified: false }, 'response'],
  ])('refuses a registration with %s (400 naming the field)', async (_case, tampering, field) => {
    const { login, authenticator } = await member();
    const { challengeId, options } = await registrationOptions(login);
    const refused = await json<FieldErrorsBody>(
      as(login).post('/auth/passkeys/register', { challengeId, response: authenticator.create(options, tampering) }),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual([field]);
    expect((await json<Passkey[]>(as(login).get('/auth/passkeys'))).body).toEqual([]);
  });

  it('accepts a registration from any allowed origin', async () => {
    const { login } = await member();
    await addPasskey(login, new SoftwareAuthenticator('https://app.example.test'));
  });

  it('refuses a registration challenge that is unknown, spent, expired, of another ceremony or of another user', async () => {
    const { login, authenticator } = await member();
    const register = (challengeId: string, options: CreationOptionsJSON) =>
      json<FieldErrorsBody>(
        as(login).post('/auth/passkeys/register', { challengeId, response: authenticator.create(options) }),
      );
    const { options } = await registrationOptions(login);
    const unknown = await register('00000000-0000-4000-8000-000000000000', options);
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['challengeId']);

    const used = await registrationOptions(login);
    await register(used.challengeId, used.options).then((answer) => expect(answer.status).toBe(201));
    expect((await register(used.challengeId, used.options)).status).toBe(400);

    // A refused answer spends its challenge too.
    const refusedOnce = await registrationOptions(login);
    await as(login)
      .post('/auth/passkeys/register', {
        challengeId: refusedOnce.challengeId,
        response: authenticator.create(refusedOnce.options, { origin: 'https://evil.example' }),
      })
      .expect(400);
    expect((await register(refusedOnce.challengeId, refusedOnce.options)).body.errors).toHaveProperty('challengeId');

    const expiring = await registrationOptions(login);
    host.clock.advance(301);
    await as(login).post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
    expect((await register(expiring.challengeId, expiring.options)).body.errors).toHaveProperty('challengeId');

    const login2 = await loginOptions();
    const asLogin = { ...(await registrationOptions(login)).options, challenge: login2.options.challenge };
    expect((await register(login2.challengeId, asLogin)).body.errors).toHaveProperty('challengeId');

    const other = await member();
    const theirs = await registrationOptions(other.login);
    expect((await register(theirs.challengeId, theirs.options)).body.errors).toHaveProperty('challengeId');
  });

  it('refuses a credential id that is already registered, to this user or another', async () => {
    const { login, authenticator } = await member();
    await addPasskey(login, authenticator);
    const taken = authenticator.credentials[0].id;
    for (const account of [login, (await member()).login]) {
      const { challengeId, options } = await registrationOptions(account);
      const response = new SoftwareAuthenticator(ORIGIN).create(
        { ...options, excludeCredentials: [] },
        { credentialId: taken },
      );
      const refused = await json<FieldErrorsBody>(
        as(account).post('/auth/passkeys/register', { challengeId, response }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual({ response: [AUTH_TOKEN_MESSAGES.passkeyTaken] });
    }
  });

  it('refuses a response that is no credential JSON with 400 naming it', async () => {
    const { login } = await member();
    for (const response of ['text', { id: 'x', response: {} }, { a: { b: { c: { d: { e: { f: 1 } } } } } }]) {
      const { challengeId: fresh } = await registrationOptions(login);
      const refused = await json<FieldErrorsBody>(
        as(login).post('/auth/passkeys/register', { challengeId: fresh, response }),
      );
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body.errors)).toEqual(['response']);
    }
  });

  it('logs in with a discoverable passkey: a login token that counts as a fresh proof, and no second step', async () => {
    const { user, username, login, authenticator } = await member();
    await addPasskey(login, authenticator);
    // Even with two-factor login on, the user-verified passkey is enough.
    const { secret } = (await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200))).body;
    await as(login)
      .post('/auth/mfa/totp/enable', { code: totp(secret, host.clock.now()) })
      .expect(200);
    host.clock.advance(WINDOW + 1);
    const options = await loginOptions();
    expect(options.options).toEqual({
      rpId: RP_ID,
      challenge: match.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      allowCredentials: [],
      timeout: 300_000,
      userVerification: 'required',
    });
    const done = await json<LoginResponse>(
      host
        .http()
        .post('/auth/login/passkey')
        .set('User-Agent', 'PasskeyBrowser/1.0')
        .send({ challengeId: options.challengeId, response: authenticator.get(options.options) }),
    );
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      token: match.stringMatching(/^nat_/),
      expiresAt: match.any(String),
      user: { id: user.id, username, email: `${username}@example.com` },
    });
    await as(done.body.token).get('/api/hello').expect(200);
    // The login is a proof of identity: credentials may be created at once.
    await as(done.body.token).post('/auth/passkeys/register/options').expect(200);
    const [listed] = (await json<Passkey[]>(as(done.body.token).get('/auth/passkeys'))).body;
    expect(listed.lastUsedAt).not.toBeNull();
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.passkeyUsed,
      payload: { userId: user.id, passkeyId: listed.id, name: 'Passkey', ceremony: 'login' },
    });
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.loginSucceeded,
      payload: {
        userId: user.id,
        tokenId: match.any(String),
        userAgent: 'PasskeyBrowser/1.0',
        client: { ip: '127.0.0.1', userAgent: 'PasskeyBrowser/1.0', acceptLanguage: null },
      },
    });
  });

  it.each<[string, Tampering]>([
    ['a bad signature', { badSignature: true }],
    ['an origin not allowed', { origin: 'https://evil.example' }],
    ['the RP ID hash of another domain', { rpId: 'evil.example' }],
    ['the user-verified flag unset', { userVerified: false }],
    ['the user-present flag unset', { userPresent: false }],
    ['a client data type of a registration', { type: 'webauthn.create' }],
    ['another challenge', { challenge: Buffer.alloc(32, 2).toString('base64url') }],
    ['no userHandle', { userHandle: null }],
    ['the userHandle of another user', { userHandle: Buffer.alloc(32, 3).toString('base64url') }],
  ])('refuses a passkey login with %s: 401, one message', async (_case, tampering) => {
    const { login, authenticator } = await member();
    await addPasskey(login, authenticator);
    const refused = await passkeyLogin(authenticator, tampering);
    expect(refused.status).toBe(401);
    expect((refused.body as unknown as ErrorBody).message).toBe(AUTH_TOKEN_MESSAGES.passkeyLoginFailed);
    expect(refused.body.token).toBeUndefined();
  });

  it("refuses another user's userHandle on one's own passkey, and an unknown credential", async () => {
    const ann = await member();
    const bob = await member();
    await addPasskey(ann.login, ann.authenticator);
    await addPasskey(bob.login, bob.authenticator);
    const refused = await passkeyLogin(ann.authenticator, { userHandle: bob.authenticator.credentials[0].userHandle });
    expect(refused.status).toBe(401);
    const stranger = new SoftwareAuthenticator(ORIGIN);
    stranger.create((await registrationOptions(ann.login)).options);
    const unknown = await passkeyLogin(stranger);
    expect(unknown.status).toBe(401);
    expect((unknown.body as unknown as ErrorBody).message).toBe(AUTH_TOKEN_MESSAGES.passkeyLoginFailed);
    expect((await passkeyLogin(ann.authenticator)).status).toBe(200);
  });

  it('refuses a login challenge that is unknown, spent, expired or of another ceremony', async () => {
    const { login, authenticator } = await member();
    await addPasskey(login, authenticator);
    const send = (challengeId: string, options: RequestOptionsJSON) =>
      host
        .http()
        .post('/auth/login/passkey')
        .send({ challengeId, response: authenticator.get(options) });
    const options = await loginOptions();
    expect((await send('00000000-0000-4000-8000-000000000000', options.options)).status).toBe(401);
    expect((await send(options.challengeId, options.options)).status).toBe(200);
    expect((await send(options.challengeId, options.options)).status).toBe(401);
    const expiring = await loginOptions();
    host.clock.advance(301);
    expect((await send(expiring.challengeId, expiring.options)).status).toBe(401);
    const reauth = (await json<Options<RequestOptionsJSON>>(as(login).post('/auth/reauthenticate/passkey/options')))
      .body;
    expect((await send(reauth.challengeId, { ...reauth.options, allowCredentials: [] })).status).toBe(401);
  });

  it('applies the counter rule: a counter not above the stored one is refused unless both are 0', async () => {
    const counting = await member();
    await addPasskey(counting.login, counting.authenticator);
    expect((await passkeyLogin(counting.authenticator)).status).toBe(200);
    expect((await passkeyLogin(counting.authenticator)).status).toBe(200);
    const stored = counting.authenticator.credentials[0].counter;
    // A cloned authenticator replays an old counter, or the same one, or none.
    for (const replayed of [stored - 1, stored, 0])
      expect((await passkeyLogin(counting.authenticator, { counter: replayed })).status).toBe(401);
    expect((await passkeyLogin(counting.authenticator)).status).toBe(200);

    // Apple's and synced passkeys keep no counter: 0 every time is normal.
    const synced = await member({ counting: false });
    await addPasskey(synced.login, synced.authenticator);
    for (let i = 0; i < 3; i++) expect((await passkeyLogin(synced.authenticator)).status).toBe(200);
    // Once a counter was seen, 0 is no longer accepted.
    expect((await passkeyLogin(synced.authenticator, { counter: 5 })).status).toBe(200);
    expect((await passkeyLogin(synced.authenticator)).status).toBe(401);
  });

  it('lets one of two concurrent answers to one challenge through', async () => {
    const { login, authenticator } = await member({ counting: false });
    await addPasskey(login, authenticator);
    const { challengeId, options } = await loginOptions();
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        host
          .http()
          .post('/auth/login/passkey')
          .send({ challengeId, response: authenticator.get(options) }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401]);
  });

  it('hands one client IP at most 120 login challenges a minute: each one is a stored row', async () => {
    const ask = () => host.http().post('/auth/login/passkey/options').send({});
    for (let i = 0; i < 120; i++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    host.clock.advance(61);
    expect((await ask()).status).toBe(200);
  });

  it("counts refused passkeys on the client IP's login limit, then answers 429", async () => {
    const { login, authenticator } = await member();
    await addPasskey(login, authenticator);
    for (let i = 0; i < MAX_PER_IP; i++)
      expect((await passkeyLogin(authenticator, { badSignature: true })).status).toBe(401);
    const refused = await passkeyLogin(authenticator);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    // Once the window has passed, the address may try again.
    host.clock.advance(15 * 60 + 1);
    expect((await passkeyLogin(authenticator)).status).toBe(200);
  });

  it('refuses an inactive user like a password login', async () => {
    const { user, login, authenticator } = await member();
    await addPasskey(login, authenticator);
    await host.query('UPDATE users SET "isActive" = $1 WHERE id = $2', [false, user.id]);
    const inactive = await passkeyLogin(authenticator);
    expect(inactive.status).toBe(401);
    expect((inactive.body as unknown as ErrorBody).message).toBe(AUTH_TOKEN_MESSAGES.passkeyLoginFailed);
    await host.query('UPDATE users SET "isActive" = $1 WHERE id = $2', [true, user.id]);
    expect((await passkeyLogin(authenticator)).status).toBe(200);
  });

  it('offers the passkey as the second factor, beside the code', async () => {
    const { user, username, login, authenticator } = await member();
    const { secret } = (await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200))).body;
    await as(login)
      .post('/auth/mfa/totp/enable', { code: totp(secret, host.clock.now()) })
      .expect(200);
    const passwordStep = () =>
      json<MfaChallenge>(host.http().post('/auth/login').send({ username, password: PASSWORD }));
    expect((await passwordStep()).body).toEqual({ mfaRequired: true, mfaToken: match.any(String), methods: ['totp'] });
    const noPasskey = await json<FieldErrorsBody>(
      host
        .http()
        .post('/auth/login/mfa/passkey/options')
        .send({ mfaToken: (await passwordStep()).body.mfaToken }),
    );
    expect(noPasskey.status).toBe(400);

    await addPasskey(login, authenticator);
    const first = (await passwordStep()).body;
    expect(first.methods).toEqual(['totp', 'passkey']);
    await host.http().post('/auth/login/mfa/passkey/options').send({ mfaToken: 'natmfa_nonsense' }).expect(401);
    const options = (
      await json<Options<RequestOptionsJSON>>(
        host.http().post('/auth/login/mfa/passkey/options').send({ mfaToken: first.mfaToken }).expect(200),
      )
    ).body;
    expect(options.options).toMatchObject({
      rpId: RP_ID,
      userVerification: 'required',
      allowCredentials: [
        { id: authenticator.credentials[0].id, type: 'public-key', transports: ['internal', 'hybrid'] },
      ],
    });
    // A refused passkey is a wrong second factor: 401, and the mfaToken lives on.
    const refused = await host
      .http()
      .post('/auth/login/mfa')
      .send({
        mfaToken: first.mfaToken,
        challengeId: options.challengeId,
        response: authenticator.get(options.options, { badSignature: true }),
      });
    expect(refused.status).toBe(401);
    const again = (
      await json<Options<RequestOptionsJSON>>(
        host.http().post('/auth/login/mfa/passkey/options').send({ mfaToken: first.mfaToken }).expect(200),
      )
    ).body;
    const done = await json<LoginResponse>(
      host
        .http()
        .post('/auth/login/mfa')
        .send({ mfaToken: first.mfaToken, challengeId: again.challengeId, response: authenticator.get(again.options) }),
    );
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ id: user.id, username });
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.passkeyUsed,
      payload: { userId: user.id, passkeyId: match.any(String), name: 'Passkey', ceremony: 'mfa' },
    });
    // The mfaToken is spent.
    await host
      .http()
      .post('/auth/login/mfa')
      .send({ mfaToken: first.mfaToken, code: totp(secret, host.clock.now(), 1) })
      .expect(401);
  });

  it("refuses another user's passkey, or a login challenge, as the second factor", async () => {
    const ann = await member();
    const bob = await member();
    const { secret } = (await json<TotpSetup>(as(ann.login).post('/auth/mfa/totp/setup').expect(200))).body;
    await as(ann.login)
      .post('/auth/mfa/totp/enable', { code: totp(secret, host.clock.now()) })
      .expect(200);
    await addPasskey(ann.login, ann.authenticator);
    await addPasskey(bob.login, bob.authenticator);
    const { mfaToken } = (
      await json<MfaChallenge>(host.http().post('/auth/login').send({ username: ann.username, password: PASSWORD }))
    ).body;
    const options = (
      await json<Options<RequestOptionsJSON>>(host.http().post('/auth/login/mfa/passkey/options').send({ mfaToken }))
    ).body;
    const bobsAnswer = bob.authenticator.get({ ...options.options, allowCredentials: [] });
    await host
      .http()
      .post('/auth/login/mfa')
      .send({ mfaToken, challengeId: options.challengeId, response: bobsAnswer })
      .expect(401);
    const loginChallenge = await loginOptions();
    await host
      .http()
      .post('/auth/login/mfa')
      .send({
        mfaToken,
        challengeId: loginChallenge.challengeId,
        response: ann.authenticator.get(loginChallenge.options),
      })
      .expect(401);
  });

  it('re-authenticates with a passkey: 204, and a refused one is 400 naming the field', async () => {
    const { user, login, authenticator } = await member();
    await addPasskey(login, authenticator);
    host.clock.advance(WINDOW + 1);
    await as(login).post('/auth/passkeys/register/options').expect(403);
    const options = (
      await json<Options<RequestOptionsJSON>>(as(login).post('/auth/reauthenticate/passkey/options').expect(200))
    ).body;
    expect(options.options.allowCredentials).toEqual([
      { id: authenticator.credentials[0].id, type: 'public-key', transports: ['internal', 'hybrid'] },
    ]);
    expect(options.options.userVerification).toBe('required');
    const refused = await json<FieldErrorsBody>(
      as(login).post('/auth/reauthenticate', {
        challengeId: options.challengeId,
        response: authenticator.get(options.options, { userVerified: false }),
      }),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['response']);
    const spent = await json<FieldErrorsBody>(
      as(login).post('/auth/reauthenticate', {
        challengeId: options.challengeId,
        response: authenticator.get(options.options),
      }),
    );
    expect(spent.status).toBe(400);
    expect(Object.keys(spent.body.errors)).toEqual(['challengeId']);
    await as(login).post('/auth/passkeys/register/options').expect(403);
    const fresh = (await json<Options<RequestOptionsJSON>>(as(login).post('/auth/reauthenticate/passkey/options')))
      .body;
    await as(login)
      .post('/auth/reauthenticate', { challengeId: fresh.challengeId, response: authenticator.get(fresh.options) })
      .expect(204);
    await as(login).post('/auth/passkeys/register/options').expect(200);
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.passkeyUsed,
      payload: { userId: user.id, passkeyId: match.any(String), name: 'Passkey', ceremony: 'reauthenticate' },
    });
    expect(events).toContainEqual({
      name: AUTH_TOKEN_EVENTS.reauthenticated,
      payload: match.objectContaining({ userId: user.id, method: 'passkey' }),
    });
  });

  it("counts refused re-authentication passkeys as failed logins of the account, and refuses another user's", async () => {
    const ann = await member();
    const bob = await member();
    await addPasskey(ann.login, ann.authenticator);
    await addPasskey(bob.login, bob.authenticator);
    const options = (
      await json<Options<RequestOptionsJSON>>(as(ann.login).post('/auth/reauthenticate/passkey/options'))
    ).body;
    const bobs = bob.authenticator.get({ ...options.options, allowCredentials: [] });
    const refused = await json<FieldErrorsBody>(
      as(ann.login).post('/auth/reauthenticate', { challengeId: options.challengeId, response: bobs }),
    );
    expect(refused.status).toBe(400);
    // Ten failures of one account from one address (the throttle's default): the eleventh attempt is 429.
    for (let i = 1; i < 10; i++) {
      const next = (await json<Options<RequestOptionsJSON>>(as(ann.login).post('/auth/reauthenticate/passkey/options')))
        .body;
      await as(ann.login)
        .post('/auth/reauthenticate', {
          challengeId: next.challengeId,
          response: ann.authenticator.get(next.options, { badSignature: true }),
        })
        .expect(400);
    }
    await as(ann.login).post('/auth/reauthenticate', { password: PASSWORD }).expect(429);
  });
});
