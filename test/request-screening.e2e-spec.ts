import { request as httpRequest, createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_TOKEN_MESSAGES } from 'nestjs-auth-token';
import { json, type ErrorBody, type FieldErrorsBody, type LoginResponse, type Me } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { rawRequest } from './fixtures/raw-http.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
const RESET_URL = 'http://localhost:3000/#reset=';
const TRUSTED = 'https://app.example';
const FOREIGN = 'https://evil.example';
const STEADY_MAIL = 'steady@example.com';

const TOO_LARGE = { statusCode: 413, error: 'Payload Too Large', message: AUTH_TOKEN_MESSAGES.bodyTooLarge(16 * 1024) };
const TOO_MANY_FIELDS = { body: [AUTH_TOKEN_MESSAGES.tooManyFields(32)] };
const FOREIGN_ORIGIN = {
  statusCode: 403,
  error: 'Forbidden',
  code: 'origin_not_allowed',
  message: AUTH_TOKEN_MESSAGES.originNotAllowed,
};

/** `count` distinct short keys (`k0`, `k1`, ... in base 36), each holding `value`. */
const manyKeys = (count: number, value: unknown = 0) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i.toString(36)}`, value]));

/** A login of steady with `extra` more fields. */
const loginWith = (extra: number, password = PASSWORD) => ({ username: 'steady', password, ...manyKeys(extra) });
const WRONG = 'wrong password!';
/** A 17 kB login of steady with a wrong password. */
const largeLogin = () => ({ username: 'steady', password: WRONG, pad: 'x'.repeat(17 * 1024) });

describe.each(TEST_MATRIX)("request screening on the library's routes (%s, %s)", (db, platform) => {
  let smtp: SmtpCatcher;
  let host: LibraryTestApp;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    host = await startLibraryHost(db, {
      platform,
      options: { registration: { enabled: true }, passwordReset: { url: RESET_URL }, trustedOrigins: [TRUSTED] },
      mailer: new SmtpMailer(smtp.port),
    });
    await host.createUser({ username: 'steady', password: PASSWORD, email: STEADY_MAIL, emailConfirmed: true });
  });
  afterAll(async () => {
    await host.close();
    await smtp.close();
  });
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  /** Every throttling counter: what a login, registration or mail request counts. */
  const counters = () => host.query('SELECT key, hits FROM auth_throttle ORDER BY key');
  const countRows = async (table: string) =>
    Number((await host.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const post = (path: string, body: object | string, origin?: string) => {
    const call = host.http().post(path);
    if (origin !== undefined) call.set('Origin', origin);
    return call.send(body);
  };

  describe('body size', () => {
    it('refuses a 17 kB login with 413 and a JSON body, counting no attempt and issuing no token', async () => {
      const tokens = await countRows('auth_token');
      const response = await post('/auth/login', largeLogin());
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual(TOO_LARGE);
      expect(await counters()).toEqual([]);
      expect(await countRows('auth_token')).toBe(tokens);
    });

    it('refuses a 17 kB registration with 413, creating nobody', async () => {
      const users = await countRows('users');
      const response = await post('/auth/register', { ...largeLogin(), username: 'padded', password: PASSWORD });
      expect(response.status).toBe(413);
      expect(response.body).toEqual(TOO_LARGE);
      expect(await countRows('users')).toBe(users);
      expect(await counters()).toEqual([]);
    });

    it('refuses a 17 kB body sent without Content-Length (chunked) by its size once parsed', async () => {
      const body = JSON.stringify(largeLogin());
      const head = [
        'POST /auth/login HTTP/1.1',
        `Host: ${new URL(host.baseUrl).host}`,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        'Connection: close',
      ].join('\r\n');
      const chunked = `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      const response = await rawRequest(host.baseUrl, `${head}\r\n\r\n${chunked}`);
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''))).toEqual(TOO_LARGE);
      expect(await counters()).toEqual([]);
    });

    it('serves a 15 kB login (its unknown field is dropped)', async () => {
      const response = await json<LoginResponse>(
        post('/auth/login', { username: 'steady', password: PASSWORD, pad: 'x'.repeat(15_360) }),
      );
      expect(response.status).toBe(200);
      expect(response.body.token).toEqual(expect.any(String));
    });

    it("adds nothing to the host's own routes: a guarded 17 kB POST /api/hello is served", async () => {
      const token = await host.login('steady', PASSWORD);
      const response = await host.http().post('/api/hello').set('Authorization', `Token ${token}`).send(largeLogin());
      expect(response.status).toBe(200);
    });
  });

  describe('number of fields', () => {
    it('serves a login of 32 fields', async () => {
      const response = await post('/auth/login', loginWith(30));
      expect(response.status).toBe(200);
    });

    it('refuses a login of 33 fields with 400 naming the body, counting no attempt', async () => {
      const response = await json<FieldErrorsBody>(post('/auth/login', loginWith(31, WRONG)));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(TOO_MANY_FIELDS);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: TOO_MANY_FIELDS.body });
      expect(await counters()).toEqual([]);
    });

    it('refuses a registration of 33 fields, creating nobody', async () => {
      const users = await countRows('users');
      const response = await json<FieldErrorsBody>(
        post('/auth/register', { username: 'crowded', password: PASSWORD, ...manyKeys(31) }),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(TOO_MANY_FIELDS);
      expect(await countRows('users')).toBe(users);
    });

    it("refuses a JSON body of 10,000 keys (over 16 kB, under Express's 100 kB) with 413, untransformed", async () => {
      const text = JSON.stringify(loginWith(10_000, WRONG));
      expect(Buffer.byteLength(text)).toBeGreaterThan(16 * 1024);
      expect(Buffer.byteLength(text)).toBeLessThan(100 * 1024);
      const response = await host.http().post('/auth/login').set('Content-Type', 'application/json').send(text);
      expect(response.status).toBe(413);
      expect(response.body).toEqual(TOO_LARGE);
      expect(await counters()).toEqual([]);
    });

    it('refuses 1,900 keys (what fits in 16 kB) with the field-count error alone, untransformed', async () => {
      // A nested value and a wrong type, which the later checks and the validation would each name.
      const body = { username: { nested: true }, password: 42, ...manyKeys(1_900) };
      expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(16 * 1024);
      const response = await json<FieldErrorsBody>(post('/auth/login', body));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(TOO_MANY_FIELDS);
      expect(await counters()).toEqual([]);
    });

    it('refuses a form-encoded body of 900 fields with the field-count error', async () => {
      const form = new URLSearchParams({ username: 'steady', password: WRONG, ...manyKeys(900, '') }).toString();
      expect(Buffer.byteLength(form)).toBeLessThan(16 * 1024);
      const response = await json<FieldErrorsBody>(host.http().post('/auth/login').type('form').send(form));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(TOO_MANY_FIELDS);
      expect(await counters()).toEqual([]);
    });

    it('refuses a form-encoded body of 10,000 fields with 413, before the library does any work', async () => {
      const form = new URLSearchParams({ username: 'steady', password: WRONG, ...manyKeys(10_000, '') }).toString();
      expect(Buffer.byteLength(form)).toBeLessThan(100 * 1024);
      const response = await json<ErrorBody>(host.http().post('/auth/login').type('form').send(form));
      expect(response.status).toBe(413);
      // Express's body parser refuses it first: over 1,000 parameters.
      expect(response.body.statusCode).toBe(413);
      expect(await counters()).toEqual([]);
    });

    it('serves a form-encoded login', async () => {
      const response = await host.http().post('/auth/login').type('form').send(loginWith(0));
      expect(response.status).toBe(200);
    });
  });

  describe('Origin', () => {
    const ownOrigin = () => new URL(host.baseUrl).origin;

    it('refuses a right login from a foreign Origin with 403, then serves it without Origin', async () => {
      const tokens = await countRows('auth_token');
      const refused = await post('/auth/login', loginWith(0), FOREIGN);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.body).toEqual(FOREIGN_ORIGIN);
      expect(await countRows('auth_token')).toBe(tokens);
      const served = await post('/auth/login', loginWith(0));
      expect(served.status).toBe(200);
    });

    it('screens the path with a trailing slash too', async () => {
      expect((await post('/auth/login/', loginWith(0), FOREIGN)).status).toBe(403);
      expect((await post('/auth/login/', largeLogin())).status).toBe(413);
      expect((await post('/auth/login/', loginWith(0))).status).toBe(200);
    });

    it('counts no attempt for a wrong password from a foreign Origin', async () => {
      expect((await post('/auth/login', loginWith(0, WRONG), FOREIGN)).status).toBe(403);
      expect(await counters()).toEqual([]);
    });

    it.each(['null', 'http://127.0.0.1', 'https://app.example.evil.example', 'not an origin'])(
      'treats Origin %j as foreign',
      async (origin) => {
        expect((await post('/auth/login', loginWith(0), origin)).status).toBe(403);
      },
    );

    it('creates no user for a registration from a foreign Origin', async () => {
      const users = await countRows('users');
      const response = await json<ErrorBody>(
        post('/auth/register', { username: 'lured', password: PASSWORD }, FOREIGN),
      );
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('origin_not_allowed');
      expect(await countRows('users')).toBe(users);
      expect(await host.query('SELECT id FROM users WHERE username = $1', ['lured'])).toHaveLength(0);
      expect(await counters()).toEqual([]);
    });

    it('sends no mail for a password reset from a foreign Origin, and one without Origin', async () => {
      const refused = await post('/auth/password/reset', { email: STEADY_MAIL }, FOREIGN);
      expect(refused.status).toBe(403);
      await host.drainMail();
      expect(smtp.to(STEADY_MAIL)).toHaveLength(0);
      expect(await counters()).toEqual([]);

      await post('/auth/password/reset', { email: STEADY_MAIL }).expect(202);
      await smtp.waitFor(STEADY_MAIL);
      expect(smtp.to(STEADY_MAIL)).toHaveLength(1);
    });

    it('refuses a logout from a foreign Origin and leaves the token alive', async () => {
      const token = await host.login('steady', PASSWORD);
      const headers = { Authorization: `Token ${token}`, Origin: FOREIGN };
      const refused = await host.http().delete('/auth/logout').set(headers);
      expect(refused.status).toBe(403);
      await host.http().get('/auth/me').set('Authorization', `Token ${token}`).expect(200);
    });

    it("serves the server's own origin and a trusted origin", async () => {
      expect((await post('/auth/login', loginWith(0), ownOrigin())).status).toBe(200);
      expect((await post('/auth/login', loginWith(0), TRUSTED)).status).toBe(200);
    });

    it('serves GET and HEAD from a foreign Origin', async () => {
      const token = await host.login('steady', PASSWORD);
      const headers = { Authorization: `Token ${token}`, Origin: FOREIGN };
      const me = await json<Me>(host.http().get('/auth/me').set(headers));
      expect(me.status).toBe(200);
      expect(me.body.username).toBe('steady');
      expect((await host.http().head('/auth/me').set(headers)).status).toBe(200);
    });

    it("adds nothing to the host's own routes: POST /api/hello from a foreign Origin is served", async () => {
      const token = await host.login('steady', PASSWORD);
      const response = await host
        .http()
        .post('/api/hello')
        .set({ Authorization: `Token ${token}`, Origin: FOREIGN });
      expect(response.status).toBe(200);
    });
  });

  describe('client address', () => {
    let socketDir: string;
    let server: Server;

    beforeAll(async () => {
      // The same app behind a Unix socket: its requests come with no client address at all.
      socketDir = await mkdtemp(join(tmpdir(), 'client-address-'));
      // Handed to the app's own server, whichever the platform: Fastify's instance is no request handler.
      const appServer = host.app.getHttpServer() as Server;
      server = createServer((request, response) => appServer.emit('request', request, response));
      await new Promise<void>((resolve) => server.listen(join(socketDir, 'app.sock'), resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(socketDir, { recursive: true, force: true });
    });

    /** POSTs `body` as JSON over the Unix socket. */
    const postOverSocket = (path: string, body: object) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const headers = { 'Content-Type': 'application/json' };
        const socketPath = join(socketDir, 'app.sock');
        const call = httpRequest({ socketPath, path, method: 'POST', headers }, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        call.on('error', reject);
        call.end(JSON.stringify(body));
      });

    it('refuses a login without a client address with 400 naming the problem, counting it nowhere', async () => {
      const answer = await postOverSocket('/auth/login', loginWith(0, WRONG));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'client_address_unknown',
        message: AUTH_TOKEN_MESSAGES.clientAddressUnknown,
      });
      expect(await counters()).toEqual([]);
    });
  });
});

describe.each(TEST_MATRIX)('request screening behind a proxy (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform, trustProxy: 'loopback' });
    await host.createUser({ username: 'steady', password: PASSWORD });
  });
  afterAll(() => host.close());

  const login = (headers: Record<string, string>) => host.http().post('/auth/login').set(headers).send(loginWith(0));
  const proxied = { Host: 'auth.example', 'X-Forwarded-Proto': 'https' };

  it("takes the scheme from X-Forwarded-Proto of a trusted proxy for the server's own origin", async () => {
    expect((await login({ ...proxied, Origin: 'https://auth.example' })).status).toBe(200);
    expect((await login({ Host: 'auth.example', Origin: 'https://auth.example' })).status).toBe(403);
    expect((await login({ ...proxied, Origin: 'http://auth.example' })).status).toBe(403);
  });
});

describe.each(TEST_MATRIX)('the demo trusts its CORS_ORIGINS (%s, %s)', (db, platform) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp(db, { platform, env: { CORS_ORIGINS: `${TRUSTED},http://localhost:5173` } });
    await demo.createUser({ username: 'steady', password: PASSWORD });
  });
  afterAll(() => demo.close());

  const login = (origin: string) => demo.http().post('/auth/login').set('Origin', origin).send(loginWith(0));

  it('serves a login from a CORS origin and its own, and refuses one from another origin', async () => {
    expect((await login(TRUSTED)).status).toBe(200);
    expect((await login('http://localhost:5173')).status).toBe(200);
    expect((await login(new URL(demo.baseUrl).origin)).status).toBe(200);
    const refused = await login(FOREIGN);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(FOREIGN_ORIGIN);
  });
});
