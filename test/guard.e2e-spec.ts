import { jest } from '@jest/globals';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { AuthTokenGuard } from 'nestjs-auth-token';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { rawRequest } from './fixtures/raw-http.js';
import { forgottenToken } from './fixtures/tokens.js';
import { spyOnTokenLookups } from './fixtures/lookup-spy.js';

const CHALLENGE = 'Bearer realm="api"';
const INVALID_CHALLENGE = 'Bearer realm="api", error="invalid_token"';

describe.each(TEST_MATRIX)('AuthTokenGuard on /api/hello (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let token: string;
  /** Well-formed, but unknown to the database. */
  let unknownToken: string;

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform });
    const bob = await host.createUser({ username: 'bob', password: 'bob password' });
    token = await host.login('bob', 'bob password');
    unknownToken = await forgottenToken(host.app, bob);
  });
  afterAll(() => host.close());
  afterEach(() => jest.restoreAllMocks());

  const hello = (authorization?: string) => {
    const call = host.http().get('/api/hello');
    return authorization === undefined ? call : call.set('Authorization', authorization);
  };

  it.each(['Token', 'Bearer', 'token', 'BEARER', 'bEaReR'])(
    'lets a valid token in with the %s scheme',
    async (scheme) => {
      const response = await hello(`${scheme} ${token}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Hello bob!' });
    },
  );

  it('lets POST in too', async () => {
    const response = await host.http().post('/api/hello').set('Authorization', `Token ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: 'Hello bob! Posted!' });
  });

  it('challenges a request without credentials: 401, JSON body, WWW-Authenticate', async () => {
    const response = await hello();
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(CHALLENGE);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Authentication credentials were not provided.',
    });
  });

  it('treats another scheme (Basic) as no credentials', async () => {
    const response = await hello('Basic Ym9iOmJvYiBwYXNzd29yZA==');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(CHALLENGE);
  });

  it.each([
    ['an unknown but well-formed token', () => `Token ${unknownToken}`],
    ['a token with a broken checksum', () => `Token ${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`],
    ['junk after a valid token', () => `Token ${token}x`],
    ['two tokens', () => `Token ${token} ${token}`],
    ['a scheme without token', () => 'Bearer'],
    ['another prefix', () => `Token xyz_${token.slice(4)}`],
  ])('refuses %s with error="invalid_token"', async (_case, header) => {
    const response = await hello(header());
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(INVALID_CHALLENGE);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid or expired token.' });
  });

  it('refuses a malformed token without querying the database, and checks a good one with one query', async () => {
    const lookups = spyOnTokenLookups(host.dataSource, db);
    try {
      await hello(`Token ${token}junk`).expect(401);
      await hello(`Token ${token.slice(0, -2)}zz`).expect(401);
      expect(lookups).not.toHaveBeenCalled();
      await hello(`Token ${token}`).expect(200);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });

  it(
    db === 'sqlite'
      ? 'admits a valid token at once, without a promise (better-sqlite3 answers synchronously)'
      : 'admits a valid token through a promise (the database answers asynchronously)',
    async () => {
      const guard = host.app.get(AuthTokenGuard, { strict: false });
      class PlainRoute {
        handle(this: void): void {}
      }
      const request: Record<string, unknown> = { headers: { authorization: `Token ${token}` } };
      const context = new ExecutionContextHost([request, {}, () => undefined], PlainRoute, PlainRoute.prototype.handle);
      const answer = guard.canActivate(context);
      if (db === 'sqlite') expect(answer).toBe(true);
      else expect(answer).toBeInstanceOf(Promise);
      expect(await answer).toBe(true);
      expect(request.user).toMatchObject({ username: 'bob' });
      expect(request.authInfo).toMatchObject({ kind: 'login' });
    },
  );

  it('ignores a token in the query string', async () => {
    const response = await host.http().get(`/api/hello?token=${token}&access_token=${token}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(CHALLENGE);
  });

  it('answers a huge Authorization header with a 4xx, never a 5xx', async () => {
    const response = await hello(`Token ${'A'.repeat(8000)}`);
    expect(response.status).toBe(401);
  });

  it.each([
    ['non-ASCII bytes', Buffer.from('Token nat_\u00e9\u00e8\u00ff', 'latin1')],
    ['UTF-8 text', Buffer.from('Bearer n\u00e4t_\u{1F600}', 'utf8')],
    ['a NUL byte', Buffer.from('Token nat_\u0000abc', 'latin1')],
    ['a control character', Buffer.from('Token \u0007', 'latin1')],
  ])('answers a header with %s with a 4xx, never a 5xx or a hang', async (_case, value) => {
    const request = Buffer.concat([
      Buffer.from('GET /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: '),
      value,
      Buffer.from('\r\n\r\n'),
    ]);
    const response = await rawRequest(host.baseUrl, request);
    expect([400, 401]).toContain(response.status);
  });

  it('refuses an expired token, and a fresh login works again', async () => {
    const shortLived = await host.login('bob', 'bob password');
    await hello(`Token ${shortLived}`).expect(200);
    host.clock.advance(86_400 + 1);
    try {
      const response = await hello(`Token ${shortLived}`);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe(INVALID_CHALLENGE);
      const fresh = await host.login('bob', 'bob password');
      await hello(`Token ${fresh}`).expect(200);
    } finally {
      host.clock.advance(-(86_400 + 1));
    }
  });

  it('refuses the token of a deactivated user exactly like an unknown token', async () => {
    await host.createUser({ username: 'carol', password: 'carol password' });
    const carolToken = await host.login('carol', 'carol password');
    await host.query('UPDATE users SET "isActive" = $1 WHERE username = $2', [false, 'carol']);
    const deactivated = await hello(`Token ${carolToken}`);
    const unknown = await hello(`Token ${unknownToken}`);
    expect(deactivated.status).toBe(401);
    expect(deactivated.body).toEqual(unknown.body);
    expect(deactivated.headers['www-authenticate']).toBe(unknown.headers['www-authenticate']);
  });
});
