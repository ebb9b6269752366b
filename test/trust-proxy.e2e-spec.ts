import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { TEST_PLATFORMS, type TestPlatform } from './fixtures/platforms.js';

/**
 * TRUST_PROXY decides which address the library sees (req.ip), observed through the CONTRACT's login limits:
 * 10 failures per account from one IP, and 100 per IP over all accounts, on each HTTP platform (Express's
 * `trust proxy`, Fastify's `trustProxy`). Each test starts a fresh app, so that no counter carries over.
 */
const PER_ACCOUNT_AND_IP_LIMIT = 10;
const PER_IP_LIMIT = 100;

/** The demo with the given environment, fresh for each test, and failed logins against it. */
function failedLogins(platform: TestPlatform, env: Record<string, string>) {
  let demo: DemoTestApp;
  let round = 0;
  beforeEach(async () => {
    demo = await startDemoApp('sqlite', { platform, env });
  });
  afterEach(() => demo.close());

  /** A failed login (for `username`, else a fresh one) with the given X-Forwarded-For, if any; its status. */
  const fail = async (forwardedFor?: string, username?: string): Promise<number> => {
    const request = demo.http().post('/auth/login');
    if (forwardedFor !== undefined) request.set('X-Forwarded-For', forwardedFor);
    round += 1;
    return (await request.send({ username: username ?? `guess-${round}`, password: 'wrong password' })).status;
  };
  /** `times` failures, the i-th with X-Forwarded-For forwardedFor(i); their statuses. */
  const failTimes = async (
    times: number,
    forwardedFor: (i: number) => string,
    username?: string,
  ): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < times; i += 1) statuses.push(await fail(forwardedFor(i), username));
    return statuses;
  };
  return { fail, failTimes };
}

const WITH_TRUST_PROXY = TEST_PLATFORMS.flatMap((platform) =>
  ['loopback', '1', '127.0.0.1/8, ::1'].map((trustProxy) => [platform, trustProxy] as const),
);

describe.each(WITH_TRUST_PROXY)('on %s with TRUST_PROXY=%s', (platform, trustProxy) => {
  const { fail, failTimes } = failedLogins(platform, { TRUST_PROXY: trustProxy });

  it("counts an account's failures per forwarded address: 203.0.113.8 may still try once 203.0.113.7 is refused", async () => {
    expect(await failTimes(PER_ACCOUNT_AND_IP_LIMIT, () => '203.0.113.7', 'target')).toEqual(
      Array(PER_ACCOUNT_AND_IP_LIMIT).fill(401),
    );
    expect(await fail('203.0.113.7', 'target')).toBe(429);
    expect(await fail('203.0.113.8', 'target')).toBe(401);
  });

  it('counts failures over all accounts per forwarded address', async () => {
    expect(await failTimes(PER_IP_LIMIT, () => '203.0.113.7')).toEqual(Array(PER_IP_LIMIT).fill(401));
    expect(await fail('203.0.113.7')).toBe(429);
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    expect(await fail('203.0.113.8, 203.0.113.7')).toBe(429);
    expect(await fail('203.0.113.8')).toBe(401);
    expect(await fail()).toBe(401);
  });
});

describe.each(TEST_PLATFORMS)('on %s without TRUST_PROXY, X-Forwarded-For is ignored', (platform) => {
  const { fail, failTimes } = failedLogins(platform, {});

  it("varying it does not escape an account's limit", async () => {
    expect(await failTimes(PER_ACCOUNT_AND_IP_LIMIT, (i) => `198.51.100.${i}`, 'target')).toEqual(
      Array(PER_ACCOUNT_AND_IP_LIMIT).fill(401),
    );
    expect(await fail('203.0.113.9', 'target')).toBe(429);
    expect(await fail(undefined, 'target')).toBe(429);
  });

  it('varying it does not escape the limit over all accounts', async () => {
    expect(await failTimes(PER_IP_LIMIT, (i) => `198.51.100.${i}`)).toEqual(Array(PER_IP_LIMIT).fill(401));
    expect(await fail('203.0.113.9')).toBe(429);
    expect(await fail()).toBe(429);
  });
});
