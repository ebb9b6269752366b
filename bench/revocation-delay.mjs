// node bench/revocation-delay.mjs [--rounds N]: how long a logout on one instance takes to reach the token cache
// of the others. Starts a throwaway PostgreSQL and three demo processes with AUTH_TOKEN_CACHE_TTL=600, then for each
// round: logs in on instance 1, has instances 2 and 3 accept (and cache) the token, logs out on 1, and asks 2 and 3
// back to back until both refuse. The delay is from the logout's 204 to each refusal. Not part of npm test.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TestPostgres } from '../scripts/test-postgres.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 200;
const PASSWORD = 'benchmark password 1';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startDemo(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/demo/main.js')], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; ) {
    try {
      await fetch(`${baseUrl}/api/public`);
      return { baseUrl, stop: async () => (child.kill('SIGTERM'), await once(child, 'exit')) };
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('a demo process did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const hello = (demo, token) => fetch(`${demo.baseUrl}/api/hello`, { headers: { Authorization: `Token ${token}` } }).then((response) => response.status);

async function refusedAfter(demo, token, since) {
  for (;;) {
    if ((await hello(demo, token)) === 401) return performance.now() - since;
    if (performance.now() - since > 10_000) throw new Error('still accepted 10 s after the logout');
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-needed'], { stdio: 'inherit' });
const postgres = new TestPostgres({ persistent: false });
await postgres.initialise();
await postgres.start();
const demos = [];
try {
  await postgres.createDatabase('revocations');
  const url = new URL(postgres.url);
  url.pathname = '/revocations';
  const env = { DATABASE_URL: url.href, AUTH_TOKEN_CACHE_TTL: '600', AUTH_SCRYPT_COST: '1024' };
  demos.push(await startDemo(env));
  demos.push(...(await Promise.all([startDemo(env), startDemo(env)])));
  const [first, ...others] = demos;
  execFileSync(process.execPath, [join(ROOT, 'dist/apps/demo/cli.js'), 'create', 'delay', PASSWORD], { env: { ...process.env, ...env }, stdio: 'ignore' });

  const delays = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const login = await fetch(`${first.baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'delay', password: PASSWORD }) });
    const { token } = await login.json();
    for (const demo of others) if ((await hello(demo, token)) !== 200) throw new Error('a fresh token was refused');
    const logout = await fetch(`${first.baseUrl}/auth/logout`, { method: 'DELETE', headers: { Authorization: `Token ${token}` } });
    if (logout.status !== 204) throw new Error(`logout answered ${logout.status}`);
    const since = performance.now();
    delays.push(...(await Promise.all(others.map((demo) => refusedAfter(demo, token, since)))));
  }
  delays.sort((a, b) => a - b);
  const ms = (value) => value.toFixed(1);
  console.log(
    `Logout on 1 of 3 instances (PostgreSQL, cache on), ${ROUNDS} rounds, ${delays.length} refusals measured: ` +
      `p50 ${ms(percentile(delays, 50))} ms, p99 ${ms(percentile(delays, 99))} ms, max ${ms(delays.at(-1))} ms ` +
      `(from the logout's 204 to the first 401 on the other instance, one request at a time; includes one HTTP round trip).`,
  );
} finally {
  for (const demo of demos) await demo.stop();
  await postgres.stop();
}
