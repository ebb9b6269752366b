import { jest } from '@jest/globals';
import { LoginService, PasswordHasher, TokenPurgeService } from 'nestjs-auth-token';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { match } from './fixtures/matchers.js';

const PASSWORD = 'violet staple battery';
const WINDOW = 900;
const RESET_URL = 'http://localhost:3000/#reset=';

describe.each(TEST_MATRIX)('throttling (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    // 25 hashing slots per address: the parallel-guess test is about the database's atomic counting alone.
    host = await startLibraryHost(db, {
      platform,
      options: {
        passwordReset: { url: RESET_URL },
        throttle: { maxFailures: 10, maxPerIp: 40, maxHashingPerIp: 25, window: WINDOW },
      },
    });
    for (const username of ['victim', 'bystander', 'regular', 'racer'])
      await host.createUser({ username, password: PASSWORD, email: `${username}@example.com` });
  });
  afterAll(() => host.close());
  beforeEach(() => host.query('DELETE FROM auth_throttle'));
  afterEach(() => jest.restoreAllMocks());

  const login = (username: string, password: string) => host.http().post('/auth/login').send({ username, password });
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
    expect(blocked.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: match.stringMatching(/^Too many attempts\. Try again in \d+ seconds\.$/),
    });
    expect((await login('VICTIM', 'another guess')).status).toBe(429);
  });

  it('leaves other usernames alone', async () => {
    await fail('victim', 11);
    expect((await login('bystander', PASSWORD)).status).toBe(200);
  });

  it('treats an unknown username the same way (no enumeration through the limit)', async () => {
    expect(await fail('ghost', 11)).toEqual([...Array<number>(10).fill(401), 429]);
  });

  it('lets the name in again after the window', async () => {
    await fail('victim', 11);
    host.clock.advance(WINDOW + 1);
    try {
      expect((await login('victim', PASSWORD)).status).toBe(200);
    } finally {
      host.clock.advance(-(WINDOW + 1));
    }
  });

  it('starts a name from zero after a successful login', async () => {
    await fail('regular', 9);
    expect((await login('regular', PASSWORD)).status).toBe(200);
    expect(await fail('regular', 9)).toEqual(Array(9).fill(401));
  });

  it('counts parallel guesses atomically: 10 are checked, the rest refused without hashing', async () => {
    const verify = jest.spyOn(host.app.get(PasswordHasher), 'verify');
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

  it.each([['/auth/password/reset', { email: 'victim@example.com' }]])(
    'limits mail requests per address on %s, known or not',
    async (path, body) => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) statuses.push((await host.http().post(path).send(body)).status);
      expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
      const unknown: number[] = [];
      for (let i = 0; i < 11; i += 1)
        unknown.push((await host.http().post(path).send({ email: 'nobody@example.com' })).status);
      expect(unknown).toEqual([...Array<number>(10).fill(202), 429]);
    },
  );

  it('keeps the table bounded: the purge deletes counters whose window has passed', async () => {
    await fail('victim', 3);
    expect((await host.query('SELECT "key" FROM auth_throttle')).length).toBeGreaterThan(0);
    host.clock.advance(WINDOW + 1);
    try {
      const purged = await host.app.get(TokenPurgeService).purge();
      expect(purged.counters).toBeGreaterThan(0);
      expect(await host.query('SELECT "key" FROM auth_throttle')).toEqual([]);
    } finally {
      host.clock.advance(-(WINDOW + 1));
    }
  });

  it('stores hashed keys, never a username, address or IP', async () => {
    await fail('victim', 1);
    await host.http().post('/auth/password/reset').send({ email: 'victim@example.com' });
    const rows = await host.query<{ key: string }>('SELECT "key" FROM auth_throttle');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { key } of rows) expect(key).toMatch(/^[a-z-]+:[0-9a-f]{64}$/);
  });
});

describe.each(TEST_MATRIX)('throttling switched off (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform, options: { throttle: { enabled: false } } });
    await host.createUser({ username: 'free', password: PASSWORD });
  });
  afterAll(() => host.close());

  it('never answers 429', async () => {
    for (let i = 0; i < 12; i += 1)
      await host.http().post('/auth/login').send({ username: 'free', password: 'wrong one!' }).expect(401);
    await host.login('free', PASSWORD);
  });
});

/**
 * Attacks from a careful guesser who controls a few addresses (X-Forwarded-For through a trusted loopback
 * proxy stands in for them). Each test reproduces a lock-out or a bypass that an earlier version allowed.
 */
describe.each(TEST_MATRIX)('throttling against a guesser with several addresses (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  const limits = { maxFailures: 10, maxPerAccount: 30, maxPerIp: 40, window: WINDOW };

  beforeAll(async () => {
    host = await startLibraryHost(db, {
      platform,
      trustProxy: 'loopback',
      options: { passwordReset: { url: RESET_URL }, throttle: limits },
    });
    for (const username of ['bob', 'owner', 'iris', 'dormant', 'changer'])
      await host.createUser({ username, password: PASSWORD, email: `${username}@example.com` });
    await host.query('UPDATE users SET "isActive" = $1 WHERE username = $2', [false, 'dormant']);
  });
  afterAll(() => host.close());
  beforeEach(() => host.query('DELETE FROM auth_throttle'));
  afterEach(() => jest.restoreAllMocks());

  const from = (ip: string) => ({
    login: (username: string, password: string) =>
      host.http().post('/auth/login').set('X-Forwarded-For', ip).send({ username, password }),
    reset: (email: string) => host.http().post('/auth/password/reset').set('X-Forwarded-For', ip).send({ email }),
  });
  async function statuses(times: number, send: (i: number) => Promise<{ status: number }>): Promise<number[]> {
    const result: number[] = [];
    for (let i = 0; i < times; i += 1) result.push((await send(i)).status);
    return result;
  }
  const counterRows = async () =>
    (await host.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM auth_throttle'))[0].n;

  it('lets an address that is over its limit add nothing to a victim account, not even a row', async () => {
    const attacker = from('203.0.113.1');
    expect(await statuses(40, (i) => attacker.login(`sprayed${i}`, 'Winter2026!'))).toEqual(Array(40).fill(401));
    const rowsBefore = await counterRows();
    const verify = jest.spyOn(host.app.get(PasswordHasher), 'verify');
    expect(await statuses(40, (i) => attacker.login('bob', `guess ${i}`))).toEqual(Array(40).fill(429));
    expect(verify).not.toHaveBeenCalled();
    expect(await counterRows()).toBe(rowsBefore);
    expect((await from('198.51.100.7').login('bob', PASSWORD)).status).toBe(200);
  });

  it("does not stop the owner's right password for failures from other addresses, until the account ceiling", async () => {
    for (const ip of ['203.0.113.1', '203.0.113.2']) {
      expect(await statuses(11, (i) => from(ip).login('owner', `guess ${i}`))).toEqual([
        ...Array<number>(10).fill(401),
        429,
      ]);
    }
    expect((await from('198.51.100.7').login('owner', PASSWORD)).status).toBe(200);
    // 20 failures so far; 10 more from a third address reach the ceiling of 30 for the account.
    expect(await statuses(10, (i) => from('203.0.113.3').login('owner', `guess ${i}`))).toEqual(Array(10).fill(401));
    const ceiling = await from('198.51.100.8').login('owner', PASSWORD);
    expect(ceiling.status).toBe(429);
    expect(Number(ceiling.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts every spelling of a name against the one account (NFKC and case folding)', async () => {
    const spellings = ['IRIS', 'Iris', 'ｉｒｉｓ', 'iris', 'ＩＲＩＳ'];
    const result = await statuses(11, (i) => from('203.0.113.4').login(spellings[i % spellings.length], `guess ${i}`));
    expect(result).toEqual([...Array<number>(10).fill(401), 429]);
    // İ folds to i + U+0307: another name, so it neither reaches the account nor its counter.
    expect((await from('203.0.113.5').login('İris', PASSWORD)).status).toBe(401);
    expect((await from('203.0.113.5').login('iris', PASSWORD)).status).toBe(200);
  });

  it("answers a deactivated account's right password exactly like a wrong one, counter included", async () => {
    const guesser = from('203.0.113.6');
    const wrong = await statuses(9, (i) => guesser.login('dormant', `guess ${i}`));
    const right = await guesser.login('dormant', PASSWORD);
    expect([...wrong, right.status]).toEqual(Array(10).fill(401));
    expect(right.body).toEqual(
      (await host.http().post('/auth/login').send({ username: 'nobody', password: 'x' })).body,
    );
    // Had the right password reset the counter, this would be a 401.
    expect((await guesser.login('dormant', 'one more')).status).toBe(429);
  });

  it('counts a wrong current password on password change as a failed login of the account', async () => {
    const token = await host.login('changer', PASSWORD);
    const change = (currentPassword: string) =>
      host
        .http()
        .post('/auth/password/change')
        .set('X-Forwarded-For', '203.0.113.9')
        .set('Authorization', `Token ${token}`)
        .send({ currentPassword, newPassword: 'a new violet staple' });
    const result = await statuses(11, (i) => change(`guess ${i}`));
    expect(result).toEqual([...Array<number>(10).fill(400), 429]);
    expect((await change(PASSWORD)).status).toBe(429);
    expect((await from('203.0.113.9').login('changer', PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.9').login('changer', PASSWORD)).status).toBe(200);
  });

  it('lets the victim ask for a reset link while an address over its limit names them', async () => {
    const attacker = from('203.0.113.10');
    await statuses(40, (i) => attacker.reset(`nobody${i}@example.com`));
    expect(await statuses(15, () => attacker.reset('bob@example.com'))).toEqual(Array(15).fill(429));
    expect((await from('198.51.100.10').reset('bob@example.com')).status).toBe(202);
  });

  it('requires the client address from host code calling LoginService directly', async () => {
    const logins = host.app.get(LoginService);
    await expect(logins.login('bob', PASSWORD, { ip: '' })).rejects.toThrow(TypeError);
    await expect(logins.login('bob', PASSWORD, undefined as never)).rejects.toThrow(/client IP address is required/);
    await expect(logins.login('bob', PASSWORD, { ip: '192.0.2.1' })).resolves.toMatchObject({
      token: match.any(String),
    });
  });
});
