import { jest } from '@jest/globals';
import { PasswordHasher, ScryptPasswordHasher } from 'nestjs-auth-token';
import { json, type ErrorBody, type LoginResponse } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { match } from './fixtures/matchers.js';

describe.each(TEST_MATRIX)('POST /auth/login (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let alice: { id: number };

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform });
    alice = await host.createUser({ username: 'Alice', password: 'correct horse', email: 'alice@example.com' });
  });
  afterAll(() => host.close());
  afterEach(() => jest.restoreAllMocks());

  const login = (body: object | string, type: 'json' | 'form' = 'json') =>
    host.http().post('/auth/login').type(type).send(body);

  it('answers a JSON login with a token, its expiry and the serialized user, not cacheable', async () => {
    const before = Date.now();
    const response = await json<LoginResponse>(login({ username: 'Alice', password: 'correct horse' }));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      token: match.stringMatching(/^nat_[0-9A-Za-z]{49}$/),
      expiresAt: match.any(String),
      user: { id: alice.id, username: 'Alice', email: 'alice@example.com' },
    });
    const lifetime = Date.parse(response.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(86_400_000 + 60_000);
  });

  it('accepts form-urlencoded bodies, as the Django package did', async () => {
    const response = await json<LoginResponse>(login('username=Alice&password=correct+horse', 'form'));
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^nat_/);
  });

  it('matches the username case-insensitively and accepts a trailing slash', async () => {
    const response = await json<LoginResponse>(
      host.http().post('/auth/login/').send({ username: 'aLiCe', password: 'correct horse' }),
    );
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('Alice');
  });

  it('issues a new token on every login, so each device can log out alone', async () => {
    const first = await host.login('alice', 'correct horse');
    const second = await host.login('alice', 'correct horse');
    expect(first).not.toBe(second);
    await host.http().delete('/auth/logout').set('Authorization', `Token ${first}`).expect(204);
    await host.http().get('/api/hello').set('Authorization', `Token ${first}`).expect(401);
    await host.http().get('/api/hello').set('Authorization', `Token ${second}`).expect(200);
  });

  it('answers an unknown user exactly like a wrong password, after exactly one password check each', async () => {
    const hasher = host.app.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    const hash = jest.spyOn(hasher, 'hash');
    const wrong = await login({ username: 'Alice', password: 'wrong horse' });
    const unknown = await login({ username: 'nobody', password: 'wrong horse' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Unable to log in with the provided credentials.',
    });
    const headerNames = (r: typeof wrong) =>
      Object.keys(r.headers)
        .filter((h) => !['date', 'etag'].includes(h))
        .sort();
    expect(headerNames(unknown)).toEqual(headerNames(wrong));
    expect(verify).toHaveBeenCalledTimes(2);
    expect(hash).not.toHaveBeenCalled();
  });

  it('refuses an inactive user with the same 401, after checking the password', async () => {
    await host.createUser({ username: 'sleeper', password: 'pw sleeper' });
    await host.query('UPDATE users SET "isActive" = $1 WHERE username = $2', [false, 'sleeper']);
    const verify = jest.spyOn(host.app.get(PasswordHasher), 'verify');
    const response = await json<ErrorBody>(login({ username: 'sleeper', password: 'pw sleeper' }));
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Unable to log in with the provided credentials.');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['no body', {}, 'username'],
    ['a missing password', { username: 'Alice' }, 'password'],
    ['a number as username', { username: 42, password: 'x' }, 'username'],
    ['an object as password', { username: 'Alice', password: { $ne: '' } }, 'password'],
    ['an empty username', { username: '', password: 'x' }, 'username'],
    ['a huge username', { username: 'a'.repeat(300), password: 'x' }, 'username'],
  ])('answers %s with a 400 naming the field', async (_case, body, field) => {
    const response = await json<ErrorBody>(login(body));
    expect(response.status).toBe(400);
    expect(response.body.statusCode).toBe(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
  });

  it.each([
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"Alice"'],
    ['broken JSON', '{"username": '],
  ])('answers %s with a 400', async (_case, raw) => {
    const response = await json<ErrorBody>(
      host.http().post('/auth/login').set('Content-Type', 'application/json').send(raw),
    );
    expect(response.status).toBe(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('ignores a stale token sent along with the login', async () => {
    const response = await host
      .http()
      .post('/auth/login')
      .set('Authorization', 'Token nat_stale')
      .send({ username: 'Alice', password: 'correct horse' });
    expect(response.status).toBe(200);
  });

  it('records the User-Agent of the login with its token', async () => {
    const response = await json<LoginResponse>(login({ username: 'Alice', password: 'correct horse' }));
    const me = await host
      .http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${response.body.token}`)
      .set('User-Agent', 'later');
    expect(me.status).toBe(200);
    await host
      .http()
      .post('/auth/login')
      .set('User-Agent', 'TestPhone/1.0')
      .send({ username: 'Alice', password: 'correct horse' });
    const rows = await host.query<{ userAgent: string | null }>('SELECT "userAgent" FROM auth_token');
    expect(rows.map((row) => row.userAgent)).toContain('TestPhone/1.0');
  });

  it('rehashes a password made with older scrypt parameters at the next login', async () => {
    const weak = await new ScryptPasswordHasher({ cost: 2 ** 9 }).hash('old params');
    const user = await host.createUser({ username: 'veteran', password: 'placeholder' });
    await host.query('UPDATE users SET password = $1 WHERE id = $2', [weak, user.id]);
    await host.login('veteran', 'old params');
    const [{ password }] = await host.query<{ password: string }>('SELECT password FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(password).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(password).not.toBe(weak);
    await host.login('veteran', 'old params');
  });
});
