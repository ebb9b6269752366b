import type { LoggerService } from '@nestjs/common';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';

const PASSWORD = 'violet staple battery';

/** Nest logs of one app, by level. */
function captureLogs(): LoggerService & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, log: () => undefined, error: () => undefined, warn: (message: unknown) => warnings.push(String(message)) };
}

describe.each(TEST_DATABASES)('client addresses: sessions and proxies (%s)', (db) => {
  const apps: DemoTestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function start(options: Parameters<typeof startDemoApp>[1] = {}) {
    const demo = await startDemoApp(db, options);
    apps.push(demo);
    await demo.createUser({ username: 'ann', password: PASSWORD });
    return demo;
  }
  async function sessionIps(demo: DemoTestApp, forwardedFor?: string): Promise<(string | null)[]> {
    const login = demo.http().post('/auth/login');
    if (forwardedFor) login.set('X-Forwarded-For', forwardedFor);
    const { token } = (await login.send({ username: 'ann', password: PASSWORD }).expect(200)).body;
    const sessions = await demo.http().get('/auth/sessions').set('Authorization', `Token ${token}`).expect(200);
    return sessions.body.filter((session: { current: boolean }) => session.current).map((session: { ip: string | null }) => session.ip);
  }

  it('records the socket address without TRUST_PROXY, ignores X-Forwarded-For, and warns once that a proxy seems to be in front', async () => {
    const logger = captureLogs();
    const demo = await start({ logger });
    expect(await sessionIps(demo, '203.0.113.50')).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
    await sessionIps(demo, '203.0.113.51');
    const proxyWarnings = logger.warnings.filter((line) => line.includes('X-Forwarded-For'));
    expect(proxyWarnings).toHaveLength(1);
    expect(proxyWarnings[0]).toMatch(/trust proxy/);
  });

  it('records the forwarded client address behind a trusted proxy, without a warning', async () => {
    const logger = captureLogs();
    const demo = await start({ env: { TRUST_PROXY: 'loopback' }, logger });
    expect(await sessionIps(demo, '203.0.113.52')).toEqual(['203.0.113.52']);
    expect(logger.warnings.filter((line) => line.includes('X-Forwarded-For'))).toEqual([]);
  });

  it('keeps no address with tokens.recordIp off', async () => {
    const demo = await start({ options: { tokens: { recordIp: false } } });
    expect(await sessionIps(demo)).toEqual([null]);
    expect(await demo.query('SELECT ip FROM auth_token')).toEqual([{ ip: null }]);
  });

  it('warns at start-up when mails would only be written to the log', async () => {
    const logger = captureLogs();
    await start({ logger, mailer: undefined });
    expect(logger.warnings.filter((line) => line.includes('written to the log'))).toHaveLength(1);
  });
});
