// npm run bench: req/s and latency of an open, a token-guarded and a JWT-guarded route of the built demo (and of
// two reference guards), at 0, 100k and 1M stored tokens, and of guarded requests while logins run. 127.0.0.1
// only, bounded in time. The routes of one level are measured in alternating short rounds (see interleaved() in
// bench/common.mjs): medians of the rounds, ratios as medians of per-round ratios.
//   npm run bench                 SQLite
//   npm run bench -- --postgres   PostgreSQL (a throwaway server, as in the tests: scripts/test-postgres.mjs)
//   npm run bench -- --fastify    the demo and the bare app on Fastify (HTTP_ADAPTER=fastify)
//   npm run bench -- --quick      fewer, shorter rounds, smaller seeds (a smoke test of the script itself)
//   npm run bench -- --no-build   the build already in dist/ and libs/auth-token/dist/, as it is
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import {
  build,
  createBenchUser,
  freePort,
  interleaved,
  login,
  openDatabase,
  PASSWORD,
  ROOT,
  seed,
  startServer,
} from './common.mjs';
import { JWT_SECRET } from './jwt-secret.mjs';

const args = new Set(process.argv.slice(2));
const postgres = args.has('--postgres');
const platform = args.has('--fastify') ? 'fastify' : 'express';
const quick = args.has('--quick');
const ROUNDS = quick ? 2 : 5;
const ROUND_S = quick ? 1 : 3;
/** The login stream's single run. */
const DURATION = quick ? 2 : 8;
const LEVELS = quick ? [0, 10_000] : [0, 100_000, 1_000_000];
const CONNECTIONS = 20;
/** Targets at the top level, without the cache (issue 16 §2): guarded ÷ open by database, guarded ÷ tuned JWT on SQLite. */
const OPEN_TARGET = postgres ? 0.7 : 0.85;

function version(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function measure(url, headers = {}, method = 'GET') {
  const result = await autocannon({ url, method, headers, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** Logins in a loop from 4 clients; counts the successful ones and those refused (the login throttle answers 429). */
async function loginStream(baseUrl, stop) {
  let logins = 0;
  let refused = 0;
  const worker = async () => {
    while (!stop.done) {
      const response = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'bench', password: PASSWORD }),
      });
      await response.arrayBuffer();
      if (response.ok) logins += 1;
      else refused += 1;
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  return async () => {
    stop.done = true;
    await Promise.all(workers);
    return { logins, refused };
  };
}

async function main() {
  if (!args.has('--no-build')) build();
  const database = await openDatabase({ postgres });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    DATABASE_URL: database.url,
    // Production scrypt cost, so that the login stream loads the machine as real logins would.
    AUTH_SCRYPT_COST: String(2 ** 17),
    HTTP_ADAPTER: platform,
  };
  const results = [];
  let loginStreamResult;
  let peakRssMb = 0;
  let ratios;
  try {
    createBenchUser(env);
    const bearer = {
      Authorization: `Bearer ${jwt.sign({ sub: 'bench' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`,
    };
    let seeded = 0;
    for (const level of LEVELS) {
      await seed(database, level - seeded);
      seeded = level;
      const top = level === LEVELS.at(-1);
      const server = await startServer(env);
      // At the top level, the same route with the optional in-process cache on (AUTH_TOKEN_CACHE_TTL), on a
      // server of its own, measured in the same rounds.
      const cachedPort = top ? await freePort() : undefined;
      const cachedServer = top
        ? await startServer({ ...env, PORT: String(cachedPort), AUTH_TOKEN_CACHE_TTL: '5' })
        : undefined;
      // At the top level, a bare Nest app on the same platform and database, without the library: the yardstick
      // of what the demo and the library add to every request.
      const barePort = top ? await freePort() : undefined;
      const bareServer = top
        ? await startServer({ ...env, PORT: String(barePort) }, { script: 'bare-server.mjs' })
        : undefined;
      try {
        const token = { Authorization: `Token ${await login(baseUrl)}` };
        const routes = {
          open: { url: `${baseUrl}/api/public` },
          noopGuard: { url: `${baseUrl}/noop/hello` },
          minimalGuard: { url: `${baseUrl}/minimal/hello`, headers: token },
          guarded: { url: `${baseUrl}/api/hello`, headers: token },
          jwt: { url: `${baseUrl}/jwt/hello`, headers: bearer },
          jwtTuned: { url: `${baseUrl}/jwt-tuned/hello`, headers: bearer },
          // The cached route is compared with the open route of its own server: two servers differ by up to ±10 %.
          ...(top
            ? {
                guardedCached: { url: `http://127.0.0.1:${cachedPort}/api/hello`, headers: token },
                openOnCached: { url: `http://127.0.0.1:${cachedPort}/api/public` },
                bareOpen: { url: `http://127.0.0.1:${barePort}/api/public` },
                bareMinimalGuard: { url: `http://127.0.0.1:${barePort}/minimal/hello`, headers: token },
                bareJwtTuned: { url: `http://127.0.0.1:${barePort}/jwt-tuned/hello`, headers: bearer },
              }
            : {}),
        };
        const measured = await interleaved(routes, {
          rounds: ROUNDS,
          duration: ROUND_S,
          connections: CONNECTIONS,
          onRound: (round, rps) =>
            console.error(
              `  ${level.toLocaleString('en')} tokens, round ${round + 1}: ${Object.entries(rps)
                .map(([name, value]) => `${name} ${Math.round(value)}`)
                .join(', ')}`,
            ),
        });
        results.push({ tokens: level, ...measured.results });
        if (top) {
          const { ratio } = measured;
          ratios = {
            guardedVsOpenAtMax: ratio('guarded', 'open'),
            guardedVsNoopGuardAtMax: ratio('guarded', 'noopGuard'),
            guardedVsMinimalGuardAtMax: ratio('guarded', 'minimalGuard'),
            minimalGuardVsOpenAtMax: ratio('minimalGuard', 'open'),
            guardedCachedVsOpenAtMax: ratio('guardedCached', 'openOnCached'),
            guardedVsJwtAtMax: ratio('guarded', 'jwt'),
            guardedVsJwtTunedAtMax: ratio('guarded', 'jwtTuned'),
            openVsBareOpenAtMax: ratio('open', 'bareOpen'),
            guardedVsBareMinimalGuardAtMax: ratio('guarded', 'bareMinimalGuard'),
            guardedVsBareJwtTunedAtMax: ratio('guarded', 'bareJwtTuned'),
          };
          const finish = await loginStream(baseUrl, { done: false });
          const underLogins = await measure(`${baseUrl}/api/hello`, token);
          const { logins, refused } = await finish();
          loginStreamResult = {
            ...underLogins,
            logins,
            loginsPerSecond: Math.round(logins / DURATION),
            refusedPerSecond: Math.round(refused / DURATION),
          };
          console.error(
            `  guarded during a login stream: p99 ${underLogins.p99} ms, ${loginStreamResult.loginsPerSecond} logins/s, ${loginStreamResult.refusedPerSecond} refused/s`,
          );
        }
        peakRssMb = Math.max(peakRssMb, server.peakRssMb());
      } finally {
        await bareServer?.stop();
        await cachedServer?.stop();
        await server.stop();
      }
    }
  } finally {
    await database.close();
  }

  const zero = results[0];
  const top = results.at(-1);
  ratios = {
    ...ratios,
    guardedMaxVsZero: +(top.guarded.rps / zero.guarded.rps).toFixed(3),
    guardedP99DuringLoginsMs: loginStreamResult.p99,
  };
  const targets = {
    guardedVsOpenAtMax: ratios.guardedVsOpenAtMax >= OPEN_TARGET,
    guardedVsJwtTunedAtMax: ratios.guardedVsJwtTunedAtMax >= 1,
    guardedCachedVsOpenAtMax: ratios.guardedCachedVsOpenAtMax >= 0.9,
    guardedMaxVsZero: ratios.guardedMaxVsZero >= 0.9,
    guardedP99DuringLoginsMs: ratios.guardedP99DuringLoginsMs <= 50,
    openVsBareOpenAtMax: ratios.openVsBareOpenAtMax >= 0.95,
    guardedVsBareMinimalGuardAtMax: ratios.guardedVsBareMinimalGuardAtMax >= 0.95,
    guardedVsBareJwtTunedAtMax: ratios.guardedVsBareJwtTunedAtMax >= 1,
  };
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
    kernel: release(),
    node: process.version,
  };
  const versions = Object.fromEntries(
    [
      '@nestjs/core',
      '@nestjs/passport',
      'typeorm',
      database.type === 'sqlite' ? 'better-sqlite3' : 'pg',
      'autocannon',
      '@nestjs/jwt',
    ].map((name) => [name, version(name)]),
  );
  const report = {
    database: database.type,
    platform,
    rounds: ROUNDS,
    roundS: ROUND_S,
    connections: CONNECTIONS,
    machine,
    versions,
    results,
    loginStream: loginStreamResult,
    peakRssMb: Math.round(peakRssMb),
    ratios,
    targets,
  };

  const cell = (r) => (r ? `${r.rps} (${r.p50}/${r.p99})` : '');
  const table = [
    '| stored tokens | open req/s (p50/p99 ms) | no-op guard | minimal guard (SHA-256 + one prepared query) | token-guarded | token-guarded, 5 s cache | passport-jwt, default setup | JWT, tuned (KeyObject secret) | bare Nest app: open | bare: minimal guard | bare: JWT, tuned |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.tokens.toLocaleString('en')} | ${cell(r.open)} | ${cell(r.noopGuard)} | ${cell(r.minimalGuard)} | ${cell(r.guarded)} | ${cell(r.guardedCached)} | ${cell(r.jwt)} | ${cell(r.jwtTuned)} | ${cell(r.bareOpen)} | ${cell(r.bareMinimalGuard)} | ${cell(r.bareJwtTuned)} |`,
    ),
  ].join('\n');
  const met = (ok) => (ok ? 'met' : 'missed');
  const at = top.tokens.toLocaleString('en');
  const targetLines = [
    `| the demo's open route ≥ 0.95 × the bare app's open route | ${ratios.openVsBareOpenAtMax} | ${met(targets.openVsBareOpenAtMax)} |`,
    `| the demo's guarded route ≥ 0.95 × the bare app's minimal guard | ${ratios.guardedVsBareMinimalGuardAtMax} | ${met(targets.guardedVsBareMinimalGuardAtMax)} |`,
    `| the demo's guarded route ≥ 1.0 × the bare app's tuned JWT guard | ${ratios.guardedVsBareJwtTunedAtMax} | ${met(targets.guardedVsBareJwtTunedAtMax)} |`,
    `| guarded ≥ ${OPEN_TARGET} × open at ${at} tokens, no cache | ${ratios.guardedVsOpenAtMax} | ${met(targets.guardedVsOpenAtMax)} |`,
    `| (context) minimal guard ÷ open: the limit for a guard that queries the database | ${ratios.minimalGuardVsOpenAtMax} | |`,
    `| (context) guarded ÷ minimal guard | ${ratios.guardedVsMinimalGuardAtMax} | |`,
    `| (context) guarded ÷ no-op guard | ${ratios.guardedVsNoopGuardAtMax} | |`,
    `| guarded ≥ JWT, tuned, no cache${postgres ? ' (the target is on SQLite)' : ''} | ${ratios.guardedVsJwtTunedAtMax} | ${postgres ? '' : met(targets.guardedVsJwtTunedAtMax)} |`,
    `| (context) guarded ÷ passport-jwt, default setup | ${ratios.guardedVsJwtAtMax} | |`,
    `| guarded with the optional 5 s cache ≥ 0.9 × open (both on the cached server${postgres ? ', its revocation listener up' : ''}) | ${ratios.guardedCachedVsOpenAtMax} | ${met(targets.guardedCachedVsOpenAtMax)} |`,
    `| guarded at ${at} ≥ 0.9 × at 0 tokens (medians of separate servers, not paired) | ${ratios.guardedMaxVsZero} | ${met(targets.guardedMaxVsZero)} |`,
    `| guarded p99 during a login stream ≤ 50 ms | ${ratios.guardedP99DuringLoginsMs} ms | ${met(targets.guardedP99DuringLoginsMs)} |`,
  ].join('\n');
  console.log(
    `\n${table}\n\n| target | measured | |\n|---|---:|---|\n${targetLines}\n\npeak RSS ${report.peakRssMb} MB\n`,
  );
  console.log(JSON.stringify(report));

  if (!quick) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const file = join(ROOT, 'docs', 'benchmarks.md');
    const section = `## ${database.type === 'sqlite' ? 'SQLite' : 'PostgreSQL'}${platform === 'fastify' ? ' on Fastify' : ''} (${new Date().toISOString().slice(0, 10)})\n\nMachine: ${machine.cpus}, ${machine.memoryGb} GB, Linux ${machine.kernel}, Node ${machine.node}. Versions: ${Object.entries(
      versions,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}. autocannon, ${CONNECTIONS} connections, server and load generator on the same machine (127.0.0.1). Each level: ${ROUNDS} rounds of ${ROUND_S} s per route, the routes in an order shifted by one each round; req/s and latencies are medians of the rounds, ratios medians of the per-round ratios.\n\n${table}\n\nGuarded requests while 4 clients log in continuously (scrypt N=2^17, one ${DURATION} s run): ${loginStreamResult.rps} req/s, p50 ${loginStreamResult.p50} ms, p99 ${loginStreamResult.p99} ms (${loginStreamResult.loginsPerSecond} logins/s; ${loginStreamResult.refusedPerSecond} more/s refused by the login throttle). Peak RSS of the server: ${report.peakRssMb} MB.\n\n| target | measured | |\n|---|---:|---|\n${targetLines}\n`;
    let existing;
    try {
      existing = readFileSync(file, 'utf8');
    } catch {
      existing =
        '# Benchmarks\n\nWritten by `npm run bench` (SQLite) and `npm run bench -- --postgres`; each run replaces its own section. Ratios matter more than absolute numbers: the machine is shared and noisy.\n\n';
    }
    // In place of the section this run replaces (same heading, any date), or at the end.
    const heading = section.slice(0, section.indexOf('(') + 1); // e.g. '## SQLite on Fastify ('
    const parts = existing.split(/(?=^## )/m);
    const at = parts.findIndex((part) => part.startsWith(heading));
    const text =
      at === -1
        ? `${existing.trimEnd()}\n\n${section}`
        : parts.map((part, i) => (i === at ? `${section}\n\n` : part)).join('');
    writeFileSync(file, `${text.trimEnd()}\n`);
    console.error(`Wrote ${file}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
