import { json, type CreatedApiToken, type FieldErrorsBody } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { match } from './fixtures/matchers.js';

// What the demo adds to the library's API tokens (test/api-tokens.e2e-spec.ts): its scopes and the routes that
// name them, GET /api/whoami, and AUTH_API_TOKEN_MAX_TTL.

const PASSWORD = 'violet staple battery';
const DAY = 86_400;
const MAX_TTL = 30 * DAY;

describe.each(TEST_DATABASES)('API tokens as the demo serves them (%s)', (db) => {
  let demo: DemoTestApp;
  let counter = 0;

  beforeAll(async () => {
    demo = await startDemoApp(db, { env: { AUTH_API_TOKEN_MAX_TTL: String(MAX_TTL) } });
  });
  afterAll(() => demo.close());

  /** A fresh user and a login token of theirs. */
  async function member(): Promise<{ username: string; login: string }> {
    counter += 1;
    const username = `demoscripter${counter}`;
    await demo.createUser({ username, password: PASSWORD });
    return { username, login: await demo.login(username, PASSWORD) };
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (token: string) => ({
    get: (path: string) => demo.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => demo.http().post(path).set(bearer(token)).send(body),
  });
  async function apiToken(login: string, body: object): Promise<CreatedApiToken> {
    return (await json<CreatedApiToken>(as(login).post('/auth/tokens', body).expect(201))).body;
  }

  it('declares the scopes hello:read (GET /api/hello) and hello:write (POST /api/hello), and no other', async () => {
    const { login, username } = await member();
    const reader = (await apiToken(login, { name: 'reader', scopes: ['hello:read'] })).token;
    const writer = (await apiToken(login, { name: 'writer', scopes: ['hello:write'] })).token;
    expect((await as(reader).get('/api/hello').expect(200)).body).toEqual({ message: `Hello ${username}!` });
    expect((await as(writer).post('/api/hello').expect(200)).body).toEqual({ message: `Hello ${username}! Posted!` });
    const challenge = (scope: string) => `Bearer realm="api", error="insufficient_scope", scope="${scope}"`;
    expect((await as(reader).post('/api/hello').expect(403)).get('www-authenticate')).toBe(challenge('hello:write'));
    expect((await as(writer).get('/api/hello').expect(403)).get('www-authenticate')).toBe(challenge('hello:read'));
    const other = await json<FieldErrorsBody>(as(login).post('/auth/tokens', { name: 'admin', scopes: ['admin:all'] }));
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual({ scopes: ['scopes: "admin:all" is not a scope of this app'] });
  });

  it('keeps API tokens off GET /api/whoami, which names no scope, whatever their scopes', async () => {
    const { login, username } = await member();
    const token = (await apiToken(login, { name: 'everything', scopes: ['hello:read', 'hello:write'] })).token;
    const refused = await as(token).get('/api/whoami');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'API tokens reach only routes that name the scopes they need: use a login token here.',
    });
    expect((await as(login).get('/api/whoami').expect(200)).body).toEqual({ id: match.any(Number), username });
  });

  it('caps the lifetime a user may choose at AUTH_API_TOKEN_MAX_TTL, and lowers the default one to it', async () => {
    const { login } = await member();
    const longest = await apiToken(login, { name: 'longest', expiresIn: MAX_TTL });
    expect(Date.parse(longest.expiresAt) - Date.parse(longest.createdAt)).toBe(MAX_TTL * 1000);
    const unchosen = await apiToken(login, { name: 'default' });
    expect(Date.parse(unchosen.expiresAt) - Date.parse(unchosen.createdAt)).toBe(MAX_TTL * 1000);
    const tooLong = await json<FieldErrorsBody>(
      as(login).post('/auth/tokens', { name: 'too long', expiresIn: MAX_TTL + 1 }),
    );
    expect(tooLong.status).toBe(400);
    const expected = `expiresIn must be a whole number of seconds from 1 to ${MAX_TTL}`;
    expect(tooLong.body.errors).toEqual({ expiresIn: [expected] });
  });
});
