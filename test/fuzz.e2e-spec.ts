import fc from 'fast-check';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { rawRequest } from './fixtures/raw-http.js';

/** Keys that try to pollute prototypes through JSON bodies. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'username',
  'password',
  'email',
  'toString',
  'hasOwnProperty',
];

const nastyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', 'x\u0000y', '\ud800', '\uffff', '%00', '../../etc/passwd', "' OR 1=1 --", '${jndi:x}'),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...NASTY_KEYS), fc.string(), { maxKeys: 3 }),
);
const nastyBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...NASTY_KEYS), nastyValue, { maxKeys: 5 }),
  fc.record({ username: nastyValue, password: nastyValue }),
  fc.anything({ maxDepth: 3 }),
);

function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer = Buffer.alloc(0),
): Buffer {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Host: localhost',
    'Connection: close',
    `Content-Length: ${body.length}`,
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

describe.each(TEST_MATRIX)('fuzzing the HTTP surface (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      options: { registration: { enabled: true }, passwordReset: { url: 'http://localhost:3000/#reset=' } },
    });
    await host.createUser({ username: 'fuzzy', password: 'violet staple battery' });
  });
  afterAll(() => host.close());

  const is4xx = (status: number) => status >= 400 && status < 500;

  it('answers random Authorization headers on a guarded route with 4xx only, quickly', async () => {
    const header = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom('Token ', 'Bearer ', 'token ', 'Basic ', ''),
          fc.string({ unit: 'binary', maxLength: 120 }),
        )
        .map(([s, v]) => s + v),
      fc.uint8Array({ minLength: 1, maxLength: 100 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constantFrom('Token nat_' + 'A'.repeat(49), 'Bearer ' + 'x'.repeat(10_000)),
    );
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        const safe = value.replace(/[\r\n]/g, ' ');
        const response = await rawRequest(host.baseUrl, request('GET', '/api/hello', { Authorization: safe }), 5000);
        return is4xx(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['/auth/login', '/auth/register', '/auth/password/reset', '/auth/password/reset/confirm'])(
    'answers random JSON bodies on %s with 4xx (or 2xx for a lucky valid one), never 5xx',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(nastyBody, async (body) => {
          const json = Buffer.from(JSON.stringify(body) ?? 'null');
          const response = await rawRequest(
            host.baseUrl,
            request('POST', path, { 'Content-Type': 'application/json' }, json),
            5000,
          );
          if (response.status === 0 || response.status >= 500) throw new Error(`${response.status}: ${response.body}`);
          return true;
        }),
        { numRuns: 80 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('username');
    },
  );

  it.each([
    ['/auth/login', { username: '\u0000', password: '\u0000' }],
    ['/auth/login', { username: 'fuzzy\u0000', password: 'violet staple battery' }],
    ['/auth/register', { username: 'nul\u0000name', password: 'violet staple battery' }],
    ['/auth/register', { username: 'okname', password: 'violet\u0000staple battery' }],
    ['/auth/password/reset', { email: '\u0000@example.com' }],
    ['/auth/password/reset/confirm', { token: '\u0000', newPassword: 'violet staple battery' }],
  ])('answers NUL characters (which PostgreSQL refuses in text) on %s with a 4xx or a 2xx', async (path, body) => {
    const response = await host.http().post(path).send(body);
    expect(response.status).toBeLessThan(500);
  });

  it('answers non-UTF-8 and malformed bodies with 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'application/json; charset=latin1',
        ),
        async (bytes, type) => {
          const response = await rawRequest(
            host.baseUrl,
            request('POST', '/auth/login', { 'Content-Type': type }, Buffer.from(bytes)),
            5000,
          );
          return is4xx(response.status);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = Buffer.from(JSON.stringify({ username: 'fuzzy', password: 'x'.repeat(300_000) }));
    const response = await rawRequest(
      host.baseUrl,
      request('POST', '/auth/login', { 'Content-Type': 'application/json' }, big),
      5000,
    );
    expect(response.status).toBe(413);
  });

  it('still works normally afterwards', async () => {
    await host.query('DELETE FROM auth_throttle');
    const token = await host.login('fuzzy', 'violet staple battery');
    await host.http().get('/api/hello').set('Authorization', `Token ${token}`).expect(200);
  });
});
