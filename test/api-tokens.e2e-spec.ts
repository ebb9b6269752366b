import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { TokenPurgeService } from 'nestjs-auth-token';
import {
  json,
  type ApiToken,
  type CreatedApiToken,
  type ErrorBody,
  type FieldErrorsBody,
  type Session,
} from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES, ScopedHelloController } from './fixtures/library-host/scoped-hello.controller.js';
import { match } from './fixtures/matchers.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
const DAY = 86_400;
const MAX_TTL = 180 * DAY;
const RESET_URL = 'http://localhost:3000/#reset=';
const MFA_KEY = Buffer.alloc(32, 5);
const API_TOKEN = /^natapi_[0-9A-Za-z]{49}$/;
/** GET needs the scope hello:read, POST hello:write (ScopedHelloController). */
const SCOPED = '/api/hello-scoped';

describe.each(TEST_MATRIX)('API tokens and scopes (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;
  const events: { name: string; payload: Record<string, unknown> }[] = [];
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      platform,
      options: {
        apiTokens: { enabled: true, maxTtl: MAX_TTL, maxPerUser: 3 },
        scopes: HELLO_SCOPES,
        passwordReset: { url: RESET_URL },
        mfa: { encryptionKey: MFA_KEY },
      },
      controllers: [ScopedHelloController],
      mailer: new SmtpMailer(smtp.port),
      imports: [EventEmitterModule.forRoot({ wildcard: true })],
    });
    host.app
      .get(EventEmitter2)
      .onAny((name, payload: Record<string, unknown>) => events.push({ name: String(name), payload }));
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });

  /** A fresh user and a login token of theirs. */
  async function member(): Promise<{ username: string; email: string; login: string }> {
    counter += 1;
    const username = `scripter${counter}`;
    const email = `${username}@example.com`;
    await host.createUser({ username, password: PASSWORD, email, emailConfirmed: true });
    return { username, email, login: await host.login(username, PASSWORD) };
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (token: string) => ({
    get: (path: string) => host.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => host.http().post(path).set(bearer(token)).send(body),
    delete: (path: string) => host.http().delete(path).set(bearer(token)),
  });
  async function apiToken(
    login: string,
    body: object = { name: 'CI', scopes: ['hello:read'] },
  ): Promise<CreatedApiToken> {
    const response = await json<CreatedApiToken>(as(login).post('/auth/tokens', body));
    if (response.status !== 201) throw new Error(`creating an API token failed: ${response.status} ${response.text}`);
    return response.body;
  }

  it('creates a named, scoped token with its own prefix, shown once, with a default lifetime of 90 days', async () => {
    const { login } = await member();
    const response = await json<CreatedApiToken>(
      as(login).post('/auth/tokens', { name: 'CI deploy', scopes: ['hello:read'] }),
    );
    expect(response.status).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Object.keys(response.body).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name', 'scopes', 'token']);
    const { id, createdAt, expiresAt, token } = response.body;
    expect(response.body).toMatchObject({ name: 'CI deploy', scopes: ['hello:read'] });
    expect(token).toMatch(API_TOKEN);
    expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(90 * DAY * 1000);
    const listed = (await json<ApiToken[]>(as(login).get('/auth/tokens').expect(200))).body;
    expect(listed).toEqual([{ id, name: 'CI deploy', scopes: ['hello:read'], createdAt, lastUsedAt: null, expiresAt }]);
    const rows = await host.query<Record<string, unknown>>('SELECT * FROM auth_token WHERE id = $1', [id]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(7));
  });

  it('lets a token reach the routes of its scopes only, else 403 with an RFC 6750 challenge naming one', async () => {
    const { login, username } = await member();
    const reader = (await apiToken(login, { name: 'reader', scopes: ['hello:read'] })).token;
    expect((await as(reader).get(SCOPED).expect(200)).body).toEqual({ message: `Hello ${username}!` });
    const refused = await as(reader).post(SCOPED);
    expect(refused.status).toBe(403);
    const challenge = (scope: string) => `Bearer realm="api", error="insufficient_scope", scope="${scope}"`;
    expect(refused.headers['www-authenticate']).toBe(challenge('hello:write'));
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This token lacks the scope hello:write that this route needs.',
    });
    const none = (await apiToken(login, { name: 'nothing' })).token;
    expect((await as(none).get(SCOPED)).headers['www-authenticate']).toBe(challenge('hello:read'));
    // A login token carries every scope.
    await as(login).get(SCOPED).expect(200);
    await as(login).post(SCOPED).expect(200);
  });

  it('keeps API tokens off a guarded route that names no scope (GET /api/hello), whatever their scopes', async () => {
    const { login, username } = await member();
    const token = (await apiToken(login, { name: 'everything', scopes: ['hello:read', 'hello:write'] })).token;
    const refused = await as(token).get('/api/hello');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'API tokens reach only routes that name the scopes they need: use a login token here.',
    });
    expect((await as(login).get('/api/hello').expect(200)).body).toEqual({ message: `Hello ${username}!` });
  });

  it('lets any valid token use /auth/me and log itself out; API tokens get 403 on credential routes', async () => {
    const { login, username } = await member();
    const token = (await apiToken(login)).token;
    expect((await as(token).get('/auth/me').expect(200)).body).toMatchObject({ username });
    const credentialRoutes = [
      ['get', '/auth/tokens'],
      ['post', '/auth/tokens'],
      ['get', '/auth/sessions'],
      ['delete', '/auth/sessions'],
      ['post', '/auth/password/change'],
      ['post', '/auth/reauthenticate'],
      ['post', '/auth/mfa/totp/setup'],
    ] as const;
    const message = 'This needs a login token: an API token cannot manage credentials.';
    for (const [method, path] of credentialRoutes) {
      const response = await json<ErrorBody>(as(token)[method](path));
      const answer = { method, path, status: response.status, message: response.body.message };
      expect(answer).toEqual({ method, path, status: 403, message });
    }
    await as(login).get('/auth/sessions').expect(200);
    await as(token).delete('/auth/logout').expect(204);
    await as(token).get('/auth/me').expect(401);
  });

  const lifetime = `expiresIn must be a whole number of seconds from 1 to ${MAX_TTL}`;
  const undeclared = 'scopes: "admin:all" is not a scope of this app';
  const longName = 'name must be shorter than or equal to 100 characters';
  it.each([
    ['an undeclared scope', { name: 'x', scopes: ['hello:read', 'admin:all'] }, { scopes: [undeclared] }],
    ['no name', { scopes: [] }, { name: ['name is required'] }],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, { name: [longName] }],
    ['a lifetime past apiTokens.maxTtl', { name: 'x', expiresIn: MAX_TTL + 1 }, { expiresIn: [lifetime] }],
    ['a lifetime of 0', { name: 'x', expiresIn: 0 }, { expiresIn: [lifetime] }],
    ['a fractional lifetime', { name: 'x', expiresIn: 1.5 }, { expiresIn: ['expiresIn must be an integer number'] }],
    ['scopes that are not a list', { name: 'x', scopes: 'hello:read' }, { scopes: ['scopes must be an array'] }],
  ])('refuses %s with a 400 naming the field', async (_case, body, errors) => {
    const { login } = await member();
    const response = await json<FieldErrorsBody>(as(login).post('/auth/tokens', body));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(errors);
    expect((await as(login).get('/auth/tokens')).body).toEqual([]);
  });

  it('keeps a fixed expiry: use moves lastUsedAt (null until the first use), never expiresAt', async () => {
    const { login } = await member();
    const { token, expiresAt } = await apiToken(login, { name: 'short', scopes: ['hello:read'], expiresIn: 2 * DAY });
    const HALF_DAY = DAY / 2;
    host.clock.advance(HALF_DAY);
    try {
      const before = host.clock.now().getTime();
      await as(token).get(SCOPED).expect(200);
      const after = host.clock.now().getTime();
      const [listed] = (await json<ApiToken[]>(as(login).get('/auth/tokens').expect(200))).body;
      expect(listed.expiresAt).toBe(expiresAt);
      expect(Date.parse(String(listed.lastUsedAt))).toBeGreaterThanOrEqual(before);
      expect(Date.parse(String(listed.lastUsedAt))).toBeLessThanOrEqual(after);
      host.clock.advance(2 * DAY);
      await as(token).get(SCOPED).expect(401);
    } finally {
      host.clock.advance(-HALF_DAY - 2 * DAY);
    }
  });

  it("revokes one token by id (404 for another user's, a login token's or an unknown id)", async () => {
    const owner = await member();
    const stranger = await member();
    const { token, id } = await apiToken(owner.login);
    await as(stranger.login).delete(`/auth/tokens/${id}`).expect(404);
    const [session] = (await json<Session[]>(as(owner.login).get('/auth/sessions'))).body;
    await as(owner.login).delete(`/auth/tokens/${session.id}`).expect(404);
    await as(owner.login).delete('/auth/tokens/not-a-uuid').expect(404);
    await as(token).get(SCOPED).expect(200);
    await as(owner.login).delete(`/auth/tokens/${id}`).expect(204);
    await as(token).get(SCOPED).expect(401);
    await as(owner.login).delete(`/auth/tokens/${id}`).expect(404);
  });

  it('ends API tokens on password reset or user deletion, not on "log out everywhere" or password change', async () => {
    const { login, email, username } = await member();
    const { token } = await apiToken(login);
    await as(login).delete('/auth/sessions').expect(204);
    await as(token).get(SCOPED).expect(200);
    const again = await host.login(username, PASSWORD);
    const change = { currentPassword: PASSWORD, newPassword: 'another violet staple' };
    await as(again).post('/auth/password/change', change).expect(204);
    await as(token).get(SCOPED).expect(200);
    await host.http().post('/auth/password/reset').send({ email }).expect(202);
    await host.drainMail();
    const resetToken = ((await smtp.waitForLink(email)).link as string).split('#reset=')[1];
    const reset = { token: resetToken, newPassword: 'a third violet staple' };
    await host.http().post('/auth/password/reset/confirm').send(reset).expect(204);
    await as(token).get(SCOPED).expect(401);

    const doomed = await member();
    const second = (await apiToken(doomed.login)).token;
    await host.query('DELETE FROM users WHERE username = $1', [doomed.username]);
    await as(second).get(SCOPED).expect(401);
  });

  it('caps API tokens per user (409), apart from login tokens, and never lists them as sessions', async () => {
    const { login, username } = await member();
    for (let i = 0; i < 3; i += 1) await apiToken(login, { name: `t${i}` });
    const fourth = await json<ErrorBody>(as(login).post('/auth/tokens', { name: 't3' }));
    expect(fourth.status).toBe(409);
    expect(fourth.body.message).toBe('You already have 3 API tokens, the most allowed: revoke one first.');
    const sessions = (await json<Session[]>(as(login).get('/auth/sessions'))).body;
    expect(sessions).toHaveLength(1);
    await host.login(username, PASSWORD);
    expect((await as(login).get('/auth/tokens')).body).toHaveLength(3);
  });

  it('purges expired API tokens and announces each one once, seven days before it dies', async () => {
    const { login } = await member();
    const { id } = await apiToken(login, { name: 'expiring', expiresIn: 10 * DAY });
    const purge = host.app.get(TokenPurgeService);
    events.length = 0;
    host.clock.advance(2 * DAY);
    try {
      const name = 'auth-token.api-token.expiring';
      const expiring = () => events.filter((event) => event.name === name && event.payload.tokenId === id);
      await purge.purge();
      expect(expiring()).toEqual([]);
      host.clock.advance(2 * DAY);
      await purge.purge();
      await purge.purge();
      expect(expiring()).toEqual([{ name, payload: match.objectContaining({ tokenId: id, name: 'expiring' }) }]);
      host.clock.advance(7 * DAY);
      await purge.purge();
      expect(await host.query('SELECT id FROM auth_token WHERE id = $1', [id])).toEqual([]);
    } finally {
      host.clock.advance(-11 * DAY);
    }
  });

  it('answers an unknown API token exactly like an unknown login token (its kind is never named)', async () => {
    const unknownApi = `natapi_${'A'.repeat(49)}`;
    const unknownLogin = `nat_${'A'.repeat(49)}`;
    const [api, login] = [await as(unknownApi).get('/api/hello'), await as(unknownLogin).get('/api/hello')];
    expect(api.status).toBe(401);
    expect(api.body).toEqual(login.body);
    expect(api.headers['www-authenticate']).toBe(login.headers['www-authenticate']);
  });

  it('publishes apiTokenCreated and apiTokenRevoked without the token', async () => {
    const { login } = await member();
    events.length = 0;
    const { token, id } = await apiToken(login, { name: 'evented', scopes: ['hello:write'] });
    await as(login).delete(`/auth/tokens/${id}`).expect(204);
    const mine = events.filter((event) => event.name.startsWith('auth-token.api-token.'));
    expect(mine.map((event) => event.name)).toEqual(['auth-token.api-token.created', 'auth-token.api-token.revoked']);
    expect(mine[0].payload).toMatchObject({ tokenId: id, name: 'evented', scopes: ['hello:write'] });
    expect(JSON.stringify(events)).not.toContain(token);
  });
});
