import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { PwnedPasswordChecker, type PwnedPasswordCheckerOptions } from './pwned-password-checker.js';

// A distinctive password, so a leak into a log line cannot hide behind ordinary words.
const BREACHED = 'Tr0ub4dor&3';
const HASH = createHash('sha1').update(BREACHED).digest('hex').toUpperCase();
const PREFIX = HASH.slice(0, 5);
const SUFFIX = HASH.slice(5);

interface ReceivedRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
let requests: ReceivedRequest[] = [];
let warnings: string[] = [];
const logger = { warn: (message: unknown) => void warnings.push(String(message)) };

/** Starts a real HTTP server on 127.0.0.1 that records every request, and returns its range API base URL. */
async function startApi(handler: RequestListener): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/range/`;
}

/** A fake range API: serves the given suffixes for any prefix, CRLF-separated, with blank lines around. */
function rangeApi(lines: Array<[suffix: string, count: number]>): RequestListener {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(['', ...lines.map(([suffix, count]) => `${suffix}:${count}`), '', ''].join('\r\n'));
  };
}

const randomSuffix = () => randomBytes(18).toString('hex').slice(0, 35).toUpperCase();
const checker = (url: string, options: PwnedPasswordCheckerOptions = {}) =>
  new PwnedPasswordChecker({ url, ...options }, logger);

beforeEach(() => {
  requests = [];
  warnings = [];
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections(); // a server that never answers still holds its socket
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('PwnedPasswordChecker', () => {
  it('reports a breached password and passes a fresh random one', async () => {
    const url = await startApi(
      rangeApi([
        [randomSuffix(), 12],
        [SUFFIX, 7],
        [randomSuffix(), 3],
      ]),
    );
    await expect(checker(url).isBreached(BREACHED)).resolves.toBe(true);
    await expect(checker(url).isBreached(randomBytes(24).toString('base64url'))).resolves.toBe(false);
    expect(warnings).toEqual([]);
  });

  it('sends only the five-character prefix, with Add-Padding, and never the password or full hash', async () => {
    const url = await startApi(rangeApi([[SUFFIX, 5]]));
    await checker(url).isBreached(BREACHED);
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url).toBe(`/range/${PREFIX}`);
    expect(requests[0].headers['add-padding']).toBe('true');
    const sent = JSON.stringify(requests).toUpperCase();
    expect(sent).not.toContain(SUFFIX); // so not the full hash either
    expect(sent).not.toContain(BREACHED.toUpperCase());
  });

  it('hashes with SHA-1 in upper-case hex (known vector)', async () => {
    // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
    const url = await startApi(rangeApi([['1E4C9B93F3F0682250B6CF8331B7EE68FD8', 52_256_179]]));
    await expect(checker(url).isBreached('password')).resolves.toBe(true);
    expect(requests.map((request) => request.url)).toEqual(['/range/5BAA6']);
  });

  it('reads lower-case suffixes and LF-only answers', async () => {
    const url = await startApi((_req, res) => res.end(`${randomSuffix()}:4\n${SUFFIX.toLowerCase()}:2\n`));
    await expect(checker(url).isBreached(BREACHED)).resolves.toBe(true);
  });

  it('ignores padding entries (count 0), even for the same suffix', async () => {
    const url = await startApi(
      rangeApi([
        [randomSuffix(), 0],
        [SUFFIX, 0],
        [randomSuffix(), 0],
      ]),
    );
    await expect(checker(url).isBreached(BREACHED)).resolves.toBe(false);
    expect(warnings).toEqual([]);
  });

  it('counts a password as breached only from minCount on', async () => {
    const url = await startApi(
      rangeApi([
        [SUFFIX, 3],
        [SUFFIX, 0],
      ]),
    );
    await expect(checker(url, { minCount: 3 }).isBreached(BREACHED)).resolves.toBe(true);
    await expect(checker(url, { minCount: 4 }).isBreached(BREACHED)).resolves.toBe(false);
  });

  describe('fails open with one warning that leaks nothing', () => {
    const expectSkipped = async (url: string, reason: string, timeout?: number) => {
      await expect(checker(url, { timeout }).isBreached(BREACHED)).resolves.toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('Breached-password check skipped');
      expect(warnings[0]).toContain(reason);
      for (const secret of [BREACHED, PREFIX, SUFFIX])
        expect(warnings[0].toUpperCase()).not.toContain(secret.toUpperCase());
    };

    // The 5 s test timeout is the only time bound: the 0.2 s request timeout must fire well before it.
    it('when the server never answers', async () => {
      const url = await startApi(() => undefined);
      await expectSkipped(url, 'TimeoutError', 0.2);
    }, 5_000);

    it('when the server stops in the middle of the body', async () => {
      const url = await startApi((_req, res) => res.writeHead(200).write(`${SUFFIX}:`));
      await expectSkipped(url, 'TimeoutError', 0.2);
    }, 5_000);

    it('on HTTP 503', async () => {
      const url = await startApi((_req, res) => res.writeHead(503).end('Service Unavailable'));
      await expectSkipped(url, 'HTTP 503');
    });

    it('when the connection is refused', async () => {
      const url = await startApi(() => undefined);
      const [server] = servers.splice(-1);
      await new Promise((resolve) => server.close(resolve)); // the port is now closed
      await expectSkipped(url, 'ECONNREFUSED');
    });

    it('on a garbage body', async () => {
      const url = await startApi((_req, res) => res.end(`<html>Please log in to the Wi-Fi</html>\r\n${SUFFIX}:9\r\n`));
      await expectSkipped(url, 'could not be parsed');
    });
  });

  describe('refuses bad options, naming the option', () => {
    it.each<[PwnedPasswordCheckerOptions, string]>([
      [{ url: 'ftp://example.org/range/' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ timeout: 0 }, 'timeout'],
      [{ timeout: -1 }, 'timeout'],
      [{ timeout: Number.POSITIVE_INFINITY }, 'timeout'],
      [{ timeout: Number.NaN }, 'timeout'],
      [{ minCount: 0 }, 'minCount'],
      [{ minCount: 1.5 }, 'minCount'],
    ])('%o', (options, name) => {
      const create = () => new PwnedPasswordChecker(options, logger);
      expect(create).toThrow(AuthTokenConfigError);
      expect(create).toThrow(`"passwordPolicy.breachedPasswords.${name}"`);
    });

    it('accepts the defaults, also for options present but undefined', () => {
      expect(() => new PwnedPasswordChecker()).not.toThrow();
      expect(() => new PwnedPasswordChecker({ url: undefined, timeout: undefined, minCount: undefined })).not.toThrow();
    });
  });
});
