// Two builds side by side on one database: the bench server of another checkout (--base, built there, e.g. an
// export of the last commit) and of this one, measured in alternating rounds, so that before ÷ after is a paired
// comparison rather than two runs minutes apart on a noisy machine.
//   node bench/ab.mjs --base /tmp/base [--postgres] [--tokens 1000000] [--rounds 6] [--duration 3] [--no-build]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { build, createBenchUser, freePort, interleaved, login, openDatabase, seed, startServer } from './common.mjs';
import { JWT_SECRET } from './jwt-secret.mjs';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    postgres: { type: 'boolean', default: false },
    tokens: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '6' },
    duration: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!options.base) throw new Error('--base <checkout with a build> is required');
const tokens = Number(options.tokens);
if (!options['no-build']) build();
const dir = options.postgres ? undefined : join(tmpdir(), `auth-token-profile-${tokens}`);
if (dir) mkdirSync(dir, { recursive: true });
const database = await openDatabase({ postgres: options.postgres, dir });
const env = { DATABASE_URL: database.url, AUTH_SCRYPT_COST: String(2 ** 10) };
if (!dir || !existsSync(join(dir, 'seeded'))) {
  createBenchUser(env);
  await seed(database, tokens);
  if (dir) writeFileSync(join(dir, 'seeded'), '');
}
const [basePort, port] = [await freePort(), await freePort()];
const servers = [
  await startServer({ ...env, PORT: String(basePort) }, { root: options.base }),
  await startServer({ ...env, PORT: String(port) }),
];
try {
  const token = { Authorization: `Token ${await login(`http://127.0.0.1:${port}`)}` };
  const bearer = {
    Authorization: `Bearer ${jwt.sign({ sub: 'bench' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`,
  };
  const base = `http://127.0.0.1:${basePort}`;
  const here = `http://127.0.0.1:${port}`;
  const { results, ratio } = await interleaved(
    {
      'base open': { url: `${base}/api/public` },
      'base guarded': { url: `${base}/api/hello`, headers: token },
      open: { url: `${here}/api/public` },
      guarded: { url: `${here}/api/hello`, headers: token },
      'minimal guard': { url: `${here}/minimal/hello`, headers: token },
      'JWT, tuned': { url: `${here}/jwt-tuned/hello`, headers: bearer },
    },
    {
      rounds: Number(options.rounds),
      duration: Number(options.duration),
      connections: 20,
      onRound: (round, rps) => console.error(`  round ${round + 1}: ${JSON.stringify(rps)}`),
    },
  );
  console.log(
    `${database.type}, ${tokens.toLocaleString('en')} tokens; median req/s:`,
    Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.rps])),
  );
  console.log({
    'base guarded ÷ base open': ratio('base guarded', 'base open'),
    'guarded ÷ open': ratio('guarded', 'open'),
    'guarded ÷ base guarded': ratio('guarded', 'base guarded'),
    'minimal guard ÷ open': ratio('minimal guard', 'open'),
    'guarded ÷ minimal guard': ratio('guarded', 'minimal guard'),
    'guarded ÷ JWT, tuned': ratio('guarded', 'JWT, tuned'),
    'base guarded ÷ JWT, tuned': ratio('base guarded', 'JWT, tuned'),
    'open ÷ base open': ratio('open', 'base open'),
  });
} finally {
  for (const server of servers) await server.stop();
  await database.close();
}
