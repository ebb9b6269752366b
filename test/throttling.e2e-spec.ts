import { jest } from '@jest/globals';
import { PasswordHasher } from 'nestjs-auth-token';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';

const PASSWORD = 'violet staple battery';
const WINDOW = 900;

describe.each(TEST_DATABASES)('throttling (%s)', (db) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp(db, { options: { throttle: { maxFailures: 10, maxPerIp: 40, window: WINDOW } } });
    for (const username of ['victim', 'bystander', 'regular', 'racer']) await demo.createUser({ username, password: PASSWORD, email: `${username}@example.com` });
  });
  afterAll(() => demo.close());
  beforeEach(() => demo.query('DELETE FROM auth_throttle'));
  afterEach(() => jest.restoreAllMocks());

  const login = (username: string, password: string) => demo.http().post('/auth/login').send({ username, password });
  async function fail(username: string, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i += 1) statuses.push((await login(username, `wrong guess ${i}`)).status);
    return statuses;
  }

  it('answers 429 with Retry-After after 10 failures for one username, whatever the password', async () => {
    expect(await fail('victim', 10)).toEqual(Array(10).fill(401));
    const blocked = await login('victim', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(WINDOW - 5);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(WINDOW);
    expect(blocked.headers['cache-control']).toBe('no-store');
    expect(blocked.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/^Too many attempts\. Try again in \d+ seconds\.$/) });
    expect((await login('VICTIM', 'another guess')).status).toBe(429);
  });

  it('leaves other usernames alone', async () => {
    await fail('victim', 11);
    expect((await login('bystander', PASSWORD)).status).toBe(200);
  });

  it('treats an unknown username the same way (no enumeration through the limit)', async () => {
    expect(await fail('ghost', 11)).toEqual([...Array(10).fill(401), 429]);
  });

  it('lets the name in again after the window', async () => {
    await fail('victim', 11);
    demo.clock.advance(WINDOW + 1);
    try {
      expect((await login('victim', PASSWORD)).status).toBe(200);
    } finally {
      demo.clock.advance(-(WINDOW + 1));
    }
  });

  it('starts a name from zero after a successful login', async () => {
    await fail('regular', 9);
    expect((await login('regular', PASSWORD)).status).toBe(200);
    expect(await fail('regular', 9)).toEqual(Array(9).fill(401));
  });

  it('counts parallel guesses atomically: 10 are checked, the rest refused without hashing', async () => {
    const verify = jest.spyOn(demo.app.get(PasswordHasher), 'verify');
    const responses = await Promise.all(Array.from({ length: 25 }, (_, i) => login('racer', `parallel guess ${i}`)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(verify).toHaveBeenCalledTimes(10);
  });

  it('caps failures per IP across usernames (spraying)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i += 1) statuses.push((await login(`sprayed${i}`, 'Winter2026!')).status);
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(401));
    expect(statuses[40]).toBe(429);
    expect((await login('bystander', PASSWORD)).status).toBe(429);
  });

  it.each([
    ['/auth/password/reset', { email: 'victim@example.com' }],
  ])('limits mail requests per address on %s, known or not', async (path, body) => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await demo.http().post(path).send(body)).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    const unknown: number[] = [];
    for (let i = 0; i < 11; i += 1) unknown.push((await demo.http().post(path).send({ email: 'nobody@example.com' })).status);
    expect(unknown).toEqual([...Array(10).fill(202), 429]);
  });

  it('stores hashed keys, never a username, address or IP', async () => {
    await fail('victim', 1);
    await demo.http().post('/auth/password/reset').send({ email: 'victim@example.com' });
    const rows = await demo.query<{ key: string }>('SELECT "key" FROM auth_throttle');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { key } of rows) expect(key).toMatch(/^[a-z-]+:[0-9a-f]{64}$/);
  });
});

describe.each(TEST_DATABASES)('throttling switched off (%s)', (db) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp(db, { options: { throttle: { enabled: false } } });
    await demo.createUser({ username: 'free', password: PASSWORD });
  });
  afterAll(() => demo.close());

  it('never answers 429', async () => {
    for (let i = 0; i < 12; i += 1) await demo.http().post('/auth/login').send({ username: 'free', password: 'wrong one!' }).expect(401);
    await demo.login('free', PASSWORD);
  });
});
