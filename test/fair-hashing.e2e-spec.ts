import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const PASSWORD = 'violet staple battery';

/**
 * One address floods the password hasher, even with right passwords (which the throttle forgives), to hold
 * everyone else's login in the hasher's queue. Each address gets at most 2 password checks running or waiting.
 */
describe.each(TEST_MATRIX)('fair use of the password hasher (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      trustProxy: 'loopback',
      // One hash at a time and a long queue, as on a small server: the flood could otherwise fill it.
      options: { scrypt: { cost: 2 ** 15, maxConcurrency: 1, maxQueue: 64 }, registration: { enabled: true } },
    });
    for (const username of ['flooder', 'bystander']) await host.createUser({ username, password: PASSWORD });
  });
  afterAll(() => host.close());
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const login = (ip: string, username: string) =>
    host.http().post('/auth/login').set('X-Forwarded-For', ip).send({ username, password: PASSWORD });

  it('serves another address within a few hashes while one address floods with right passwords', async () => {
    let bystanderDone = false;
    const served: number[] = [];
    const refused: { status: number; retryAfter?: string }[] = [];
    // 40 workers from one address, each sending again as soon as it has its answer, up to 25 times.
    const flood = Array.from({ length: 40 }, async () => {
      for (let i = 0; i < 25 && !bystanderDone; i += 1) {
        const response = await login('203.0.113.9', 'flooder');
        if (response.status === 429) refused.push({ status: 429, retryAfter: response.headers['retry-after'] });
        else served.push(response.status);
      }
    });
    // Let the flood fill the hasher first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const servedBefore = served.length;
    const bystander = await login('198.51.100.20', 'bystander');
    bystanderDone = true;
    const servedWhileWaiting = served.length - servedBefore;
    await Promise.all(flood);
    expect(bystander.status).toBe(200);
    expect(servedWhileWaiting).toBeLessThanOrEqual(3);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every(({ retryAfter }) => retryAfter !== undefined)).toBe(true);
    expect(new Set(served)).toEqual(new Set([200]));
  });

  it('refuses a third parallel registration of one address at once with 429, and serves two', async () => {
    const from = '203.0.113.10';
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        host
          .http()
          .post('/auth/register')
          .set('X-Forwarded-For', from)
          .send({ username: `parallel${i}`, password: PASSWORD }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status !== 201 && status !== 429)).toEqual([]);
    const created = await host.query<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM users WHERE username LIKE 'parallel%'",
    );
    expect(Number(created[0].n)).toBe(statuses.filter((status) => status === 201).length);
  });
});
