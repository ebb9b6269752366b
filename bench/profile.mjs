// A CPU profile of one route of the bench server under load: the server's V8 profiler runs while autocannon
// does, then bench/profile-summary.mjs prints where the time went.
//   node bench/profile.mjs [--postgres] [--tokens 1000000] [--duration 15] [--route /api/hello] [--out file] [--no-build]
//     [--root <other checkout with a build>]   (its bench server, e.g. the base of bench/ab.mjs, for a before profile)
// SQLite keeps its seeded file in $TMPDIR/auth-token-profile-<tokens>/ for the next run (delete it to reseed).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { build, createBenchUser, freePort, login, openDatabase, seed, startServer } from './common.mjs';
import { JWT_SECRET } from './jwt-secret.mjs';
import { summarize } from './profile-summary.mjs';

const { values: options } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    tokens: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '15' },
    route: { type: 'string', default: '/api/hello' },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    root: { type: 'string' },
  },
});
const tokens = Number(options.tokens);
const out =
  options.out ??
  join(
    tmpdir(),
    `auth-token-${options.postgres ? 'postgres' : 'sqlite'}-${options.route.replaceAll('/', '_')}-${Date.now()}.cpuprofile`,
  );

if (!options['no-build']) build();
const dir = options.postgres ? undefined : join(tmpdir(), `auth-token-profile-${tokens}`);
if (dir) mkdirSync(dir, { recursive: true });
const database = await openDatabase({ postgres: options.postgres, dir });
const env = {
  PORT: String(await freePort()),
  DATABASE_URL: database.url,
  AUTH_SCRYPT_COST: String(2 ** 10),
  BENCH_CPU_PROFILE: out,
};
if (!dir || !existsSync(join(dir, 'seeded'))) {
  createBenchUser(env);
  await seed(database, tokens);
  if (dir) (await import('node:fs')).writeFileSync(join(dir, 'seeded'), '');
}
const server = await startServer(env, { root: options.root });
try {
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const headers = options.route.startsWith('/jwt')
    ? { Authorization: `Bearer ${jwt.sign({ sub: 'bench' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}` }
    : { Authorization: `Token ${await login(baseUrl)}` };
  const run = (duration) => autocannon({ url: `${baseUrl}${options.route}`, headers, connections: 20, duration });
  await run(3); // warm-up: JIT, the touch of a fresh token
  server.child.stdin.write('profile\n');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const result = await run(Number(options.duration));
  server.child.stdin.write('profile\n');
  while (!server.output().includes('bench profile written')) {
    if (server.child.exitCode !== null) throw new Error(`the bench server stopped: ${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.error(
    `${options.route}: ${Math.round(result.requests.average)} req/s under the profiler, ${result.non2xx} non-2xx; profile in ${out}`,
  );
  console.log(summarize(JSON.parse(readFileSync(out, 'utf8')), { requests: result.requests.total }));
} finally {
  await server.stop();
  await database.close();
}
