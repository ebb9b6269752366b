import type { LoggerService } from '@nestjs/common';
import { json, type LoginResponse, type Session } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const PASSWORD = 'violet staple battery';

/** Nest logs of one app, by level. */
function captureLogs(): LoggerService & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    log: () => undefined,
    error: () => undefined,
    warn: (message: unknown) => warnings.push(String(message)),
  };
}

describe.each(TEST_MATRIX)('client addresses: sessions and proxies (%s, %s)', (db, platform) => {
  const apps: LibraryTestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function start(options: Parameters<typeof startLibraryHost>[1] = {}) {
    const host = await startLibraryHost(db, { platform, ...options });
    apps.push(host);
    await host.createUser({ username: 'ann', password: PASSWORD });
    return host;
  }
  async function sessionIps(host: LibraryTestApp, forwardedFor?: string): Promise<(string | null)[]> {
    const login = host.http().post('/auth/login');
    if (forwardedFor) login.set('X-Forwarded-For', forwardedFor);
    const { token } = (await json<LoginResponse>(login.send({ username: 'ann', password: PASSWORD }).expect(200))).body;
    const sessions = await json<Session[]>(
      host.http().get('/auth/sessions').set('Authorization', `Token ${token}`).expect(200),
    );
    return sessions.body.filter((session) => session.current).map((session) => session.ip);
  }

  it('records the socket address without trust proxy, ignores X-Forwarded-For, and warns once that a proxy seems to be in front', async () => {
    const logger = captureLogs();
    const host = await start({ logger });
    expect(await sessionIps(host, '203.0.113.50')).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
    await sessionIps(host, '203.0.113.51');
    const proxyWarnings = logger.warnings.filter((line) => line.includes('X-Forwarded-For'));
    expect(proxyWarnings).toHaveLength(1);
    expect(proxyWarnings[0]).toMatch(/trust proxy/);
  });

  it('records the forwarded client address behind a trusted proxy, without a warning', async () => {
    const logger = captureLogs();
    const host = await start({ trustProxy: 'loopback', logger });
    expect(await sessionIps(host, '203.0.113.52')).toEqual(['203.0.113.52']);
    expect(logger.warnings.filter((line) => line.includes('X-Forwarded-For'))).toEqual([]);
  });

  it('keeps no address with tokens.recordIp off', async () => {
    const host = await start({ options: { tokens: { recordIp: false } } });
    expect(await sessionIps(host)).toEqual([null]);
    expect(await host.query('SELECT ip FROM auth_token')).toEqual([{ ip: null }]);
  });

  it('warns at start-up when mails would only be written to the log', async () => {
    const logger = captureLogs();
    await start({ logger, mailer: undefined });
    expect(logger.warnings.filter((line) => line.includes('written to the log'))).toHaveLength(1);
  });
});
