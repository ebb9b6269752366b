// node bench/revocation-delay.mjs [--rounds N]: how long a logout on one instance takes to reach the token cache
// of the others. Starts a throwaway PostgreSQL and three bench servers (the demo) with AUTH_TOKEN_CACHE_TTL=600,
// then for each round: logs in on instance 1, has instances 2 and 3 accept (and cache) the token, logs out on 1,
// and asks 2 and 3 back to back until both refuse. The delay is from the logout's 204 to each refusal. Not part
// of npm test.
import { build, createBenchUser, freePort, login, openDatabase, startServer } from './common.mjs';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 200;

const hello = (baseUrl, token) =>
  fetch(`${baseUrl}/api/hello`, { headers: { Authorization: `Token ${token}` } }).then((response) => response.status);

async function refusedAfter(baseUrl, token, since) {
  for (;;) {
    if ((await hello(baseUrl, token)) === 401) return performance.now() - since;
    if (performance.now() - since > 10_000) throw new Error('still accepted 10 s after the logout');
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

build();
const database = await openDatabase({ postgres: true });
const servers = [];
try {
  const env = { DATABASE_URL: database.url, AUTH_TOKEN_CACHE_TTL: '600', AUTH_SCRYPT_COST: '1024' };
  createBenchUser(env);
  const ports = [await freePort(), await freePort(), await freePort()];
  servers.push(...(await Promise.all(ports.map((port) => startServer({ ...env, PORT: String(port) })))));
  const [first, ...others] = ports.map((port) => `http://127.0.0.1:${port}`);

  const delays = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const token = await login(first);
    for (const baseUrl of others)
      if ((await hello(baseUrl, token)) !== 200) throw new Error('a fresh token was refused');
    const logout = await fetch(`${first}/auth/logout`, {
      method: 'DELETE',
      headers: { Authorization: `Token ${token}` },
    });
    if (logout.status !== 204) throw new Error(`logout answered ${logout.status}`);
    const since = performance.now();
    delays.push(...(await Promise.all(others.map((baseUrl) => refusedAfter(baseUrl, token, since)))));
  }
  delays.sort((a, b) => a - b);
  const ms = (value) => value.toFixed(1);
  console.log(
    `Logout on 1 of 3 instances (PostgreSQL, cache on), ${ROUNDS} rounds, ${delays.length} refusals measured: ` +
      `p50 ${ms(percentile(delays, 50))} ms, p99 ${ms(percentile(delays, 99))} ms, max ${ms(delays.at(-1))} ms ` +
      `(from the logout's 204 to the first 401 on the other instance, one request at a time; includes one HTTP round trip).`,
  );
} finally {
  for (const server of servers) await server.stop();
  await database.close();
}
