import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { PASSWORD_MESSAGES } from 'nestjs-auth-token/testing';
import { json, type FieldErrorsBody } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { freePort } from './fixtures/free-port.js';

const BREACHED = 'correct staple violet horse';
const FRESH = 'never seen violet staple';

/** A local stand-in for the Have I Been Pwned range API that knows one breached password. */
async function fakeRangeApi(): Promise<{ server: Server; url: string; paths: string[] }> {
  const sha1 = createHash('sha1').update(BREACHED).digest('hex').toUpperCase();
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    const prefix = (request.url ?? '').split('/').pop();
    response.end(
      prefix === sha1.slice(0, 5)
        ? `${sha1.slice(5)}:42\r\n0000000000000000000000000000000000A:0\r\n`
        : '0000000000000000000000000000000000B:3\r\n',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}/range/`, paths };
}

describe.each(TEST_DATABASES)('the optional breached-password check (%s)', (db) => {
  let api: Awaited<ReturnType<typeof fakeRangeApi>>;
  const apps: LibraryTestApp[] = [];

  beforeAll(async () => {
    api = await fakeRangeApi();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await new Promise((resolve) => api.server.close(resolve));
  });

  async function start(url: string, logger?: LoggerService) {
    const host = await startLibraryHost(db, {
      logger,
      options: { registration: { enabled: true }, passwordPolicy: { breachedPasswords: { url, timeout: 1 } } },
    });
    apps.push(host);
    return host;
  }
  const register = (host: LibraryTestApp, username: string, password: string) =>
    host.http().post('/auth/register').send({ username, password });

  it('refuses a password known from breaches, sending only the first five hex digits of its SHA-1', async () => {
    const host = await start(api.url);
    const refused = await json<FieldErrorsBody>(register(host, 'leaky', BREACHED));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual({ password: [PASSWORD_MESSAGES.breached] });
    expect((await register(host, 'careful', FRESH)).status).toBe(201);
    expect(api.paths.length).toBeGreaterThanOrEqual(2);
    for (const path of api.paths) expect(path).toMatch(/^\/range\/[0-9A-F]{5}$/);
  });

  it('fails open with one warning when the range API cannot be reached', async () => {
    const warnings: string[] = [];
    const logger: LoggerService = {
      log: () => undefined,
      error: () => undefined,
      warn: (message: unknown) => warnings.push(String(message)),
    };
    const host = await start(`http://127.0.0.1:${await freePort()}/range/`, logger);
    expect((await register(host, 'offline', BREACHED)).status).toBe(201);
    const skipped = warnings.filter((line) => line.includes('Breached-password check skipped'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).not.toContain(BREACHED);
  });

  it('is off by default: no request leaves the server', async () => {
    const host = await startLibraryHost(db, { options: { registration: { enabled: true } } });
    apps.push(host);
    const requests = jest.spyOn(globalThis, 'fetch');
    try {
      expect((await register(host, 'default', BREACHED)).status).toBe(201);
      expect(requests).not.toHaveBeenCalled();
    } finally {
      requests.mockRestore();
    }
  });
});
