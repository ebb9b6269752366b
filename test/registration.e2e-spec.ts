import { json, type ErrorBody, type FieldErrorsBody, type LoginResponse } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const TAKEN = 'A user with that username already exists.';

describe.each(TEST_MATRIX)('POST /auth/register without e-mail confirmation (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      trustProxy: 'loopback',
      options: { registration: { enabled: true } },
    });
  });
  afterAll(() => host.close());
  // Registrations are limited per client IP, and every request here comes from 127.0.0.1.
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const register = (body: object | string, type: 'json' | 'form' = 'json') =>
    host.http().post('/auth/register').type(type).send(body);

  it('creates an account that can log in at once (JSON and form data)', async () => {
    const asJson = await register({ username: 'john', password: 'violet staple battery' });
    expect(asJson.status).toBe(201);
    expect(asJson.body).toEqual({ success: true });
    expect(asJson.headers['cache-control']).toBe('no-store');
    await host.login('john', 'violet staple battery');

    const asForm = await register('username=mary&password=violet+staple+battery&email=mary%40example.com', 'form');
    expect(asForm.status).toBe(201);
    const login = await json<LoginResponse>(
      host.http().post('/auth/login').send({ username: 'MARY', password: 'violet staple battery' }),
    );
    expect(login.body.user).toMatchObject({ username: 'mary', email: 'mary@example.com' });
  });

  it('stores only a scrypt hash of the password, and never answers with it', async () => {
    const response = await register({ username: 'hashed', password: 'violet staple battery' });
    expect(response.text).not.toContain('violet');
    const [row] = await host.query<{ password: string }>('SELECT password FROM users WHERE username = $1', ['hashed']);
    expect(row.password).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
  });

  it('refuses a duplicate username, ignoring case, with the field and the message', async () => {
    await register({ username: 'Duplicate', password: 'violet staple battery' }).expect(201);
    const response = await register({ username: 'dUPLICATE', password: 'another fine phrase' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: [TAKEN],
      errors: { username: [TAKEN] },
    });
  });

  it('treats Unicode look-alikes as the same name (NFKC)', async () => {
    await register({ username: 'ｆｕｌｌｗｉｄｔｈ', password: 'violet staple battery' }).expect(201);
    const response = await json<FieldErrorsBody>(
      register({ username: 'fullwidth', password: 'violet staple battery' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual({ username: [TAKEN] });
    await host.login('fullwidth', 'violet staple battery');
  });

  it('gives exactly one of 20 parallel registrations of John/john a 201, the others a 400, never a 500', async () => {
    const responses = await Promise.all(
      // From 20 addresses: one address gets only 2 password hashes at a time.
      Array.from({ length: 20 }, (_, i) => {
        const racer = register({ username: i % 2 ? 'Racer' : 'racer', password: 'violet staple battery' });
        return json<FieldErrorsBody>(racer.set('X-Forwarded-For', `203.0.113.${i + 1}`));
      }),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(19);
    for (const response of responses.filter((r) => r.status === 400))
      expect(response.body.errors).toEqual({ username: [TAKEN] });
    const rows = await host.query('SELECT id FROM users WHERE lower(username) = $1', ['racer']);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['a space', 'john doe'],
    ['a slash', 'john/doe'],
    ['markup', '<script>'],
    ['151 characters', 'a'.repeat(151)],
  ])('refuses a username with %s', async (_case, username) => {
    const response = await json<FieldErrorsBody>(register({ username, password: 'violet staple battery' }));
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors)).toEqual(['username']);
  });

  it('accepts letters of any script, digits and @ . + - _', async () => {
    await register({ username: 'Łukasz.Ōtani+test-1_@x', password: 'violet staple battery' }).expect(201);
  });

  it.each([
    ['too short', 'Xq7#zT2', 'This password is too short. It must contain at least 8 characters.'],
    ['too long', 'x'.repeat(129), 'This password is too long. It must contain at most 128 characters.'],
    ['too common', 'baseball', 'This password is too common.'],
    ['the username', 'policyuser', 'The password is too similar to the username or e-mail address.'],
  ])('refuses a password that is %s, with its rule', async (_case, password, message) => {
    const response = await json<FieldErrorsBody>(register({ username: 'policyuser', password }));
    expect(response.status).toBe(400);
    expect(response.body.errors.password).toContain(message);
    expect(response.body.message).toContain(message);
    expect(response.text).not.toContain(password.slice(0, 12));
  });

  it('reports the username and password problems together, a malformed e-mail or body as a 400 too', async () => {
    const response = await json<FieldErrorsBody>(
      register({ username: 'bad name', password: 'short', email: 'not-an-address' }),
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors).sort()).toEqual(['email']);
    const both = await json<FieldErrorsBody>(register({ username: 'bad name', password: 'short' }));
    expect(Object.keys(both.body.errors).sort()).toEqual(['password', 'username']);
    const array = await host.http().post('/auth/register').set('Content-Type', 'application/json').send('[]');
    expect(array.status).toBe(400);
  });

  it('answers resend with 202 and sends nothing, and finds every confirmation link invalid, while e-mail confirmation is off', async () => {
    const resend = await host.http().post('/auth/register/resend').send({ email: 'mary@example.com' });
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({ success: true });
    const confirm = await host.http().get(`/auth/register/confirm/${'A'.repeat(43)}`);
    expect(confirm.status).toBe(400);
    expect(confirm.text).toBe('This confirmation link is invalid or has expired.');
  });
});

describe.each(TEST_MATRIX)('registration switched off (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      options: { registration: { enabled: false }, emailConfirm: { enabled: true, baseUrl: 'http://localhost:3000' } },
    });
  });
  afterAll(() => host.close());

  it.each([
    ['POST', '/auth/register', { username: 'x', password: 'violet staple battery', email: 'x@example.com' }],
    ['POST', '/auth/register/', { not: 'even valid' }],
    ['POST', '/auth/register/resend', { email: 'x@example.com' }],
    ['GET', '/auth/register/confirm/abc', undefined],
    ['POST', '/auth/register/confirm/abc', undefined],
  ])('answers %s %s with 404', async (method, path, body) => {
    const call = method === 'GET' ? host.http().get(path) : host.http().post(path).send(body);
    const response = await json<ErrorBody>(call);
    expect(response.status).toBe(404);
    expect(response.body.statusCode).toBe(404);
    expect(await host.query('SELECT id FROM users')).toHaveLength(0);
  });
});
