// Where the time of a .cpuprofile went, in the terms of docs/benchmarks.md: self time by layer, and inclusive
// time of the guard's parts (the share of busy samples whose stack holds such a frame; after an `await` the
// resumed function starts a new stack, which still names it).
//   node bench/profile-summary.mjs file.cpuprofile [--top 30] [--requests n]
//   node bench/profile-summary.mjs before.cpuprofile after.cpuprofile ...   (side by side)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const LIBRARY = /libs\/auth-token\/(dist|src)\//;

/** Native frames of better-sqlite3 (a statement's step) show without a url, under their caller. */
const SQLITE_CALLER = /BetterSqlite3QueryRunner|token-lookup|bench\/server/;

/** The layer a frame's own time belongs to. Native frames (no url) are named by their function where it tells. */
function layer({ url, functionName }, caller) {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native, unattributed';
  if (!url) {
    if (functionName === 'stringify' || functionName === 'parse') return 'JSON';
    if ((functionName === 'all' || functionName === 'get') && SQLITE_CALLER.test(caller?.url ?? ''))
      return 'database driver';
    return null; // attributed to its caller
  }
  if (url.includes('/bench/')) return 'bench server (JWT, minimal guard)';
  if (LIBRARY.test(url)) {
    // Paths of both layouts: guards/, strategy/, cache/ before the core/ + features/ split, core/guard/ after.
    if (url.includes('strategy')) return 'library: strategy';
    if (/\/guards?\//.test(url)) return 'library: guard';
    if (url.includes('token-secret')) return 'library: token check, digest';
    if (/token-lookup|pg-lookup-clients/.test(url)) return 'library: lookup';
    if (/token\.service|token-cache|lookup-cache/.test(url)) return 'library: token service';
    return 'library: other';
  }
  if (url.includes('/apps/demo/')) return 'demo app (middleware, controller)';
  if (
    /node_modules\/typeorm\/(metadata|util\/DateUtils|entity-manager|query-builder\/transformer|driver\/(sqlite-abstract|postgres)\/\w+Driver)/.test(
      url,
    )
  )
    return 'TypeORM: hydration';
  if (url.includes('node_modules/typeorm/')) return 'TypeORM: query runner, other';
  if (/node_modules\/(better-sqlite3|pg|pg-pool|pg-protocol|pg-types|postgres-\w+)\//.test(url))
    return 'database driver';
  if (url.includes('node_modules/@nestjs/core/'))
    return url.includes('reflector') ? 'Nest: reflector' : 'Nest: routing, pipeline';
  if (url.includes('node_modules/@nestjs/')) return 'Nest: common, platform-express, passport';
  if (url.startsWith('node:internal/crypto') || url === 'node:crypto') return 'Node: crypto';
  if (url.startsWith('node:'))
    return /http|net|stream|_http|timers|async_hooks|process\/task_queues/.test(url)
      ? 'Node: http, net, streams, timers'
      : 'Node: other';
  if (url.includes('node_modules/')) return 'express and its middleware packages';
  return 'other';
}

/** Inclusive buckets: a sample counts in each bucket one of its frames matches. */
const INCLUSIVE = [
  [
    'Nest route handler pipeline (all of a request after express routing)',
    (f) => /@nestjs\/core\/router\/router-(execution-context|proxy)/.test(f.url),
  ],
  [
    'AuthTokenGuard.canActivate (and what runs in its stack: up to the first await that waits)',
    (f) => f.functionName === 'canActivate' && /auth-token\.guard/.test(f.url),
  ],
  ['any library frame (guard, strategy, service, lookup, token check)', (f) => LIBRARY.test(f.url)],
  ['reflector (getAllAndOverride/Merge)', (f) => /reflector/.test(f.url)],
  ['token check and digest (isWellFormedToken, digestToken)', (f) => /token-secret/.test(f.url)],
  ['TokenService.authenticate', (f) => f.functionName === 'authenticate' && /token\.service/.test(f.url)],
  ['TokenLookup.find (query + hydration)', (f) => f.functionName === 'find' && /token-lookup/.test(f.url)],
  [
    'database query (TypeORM query runner or driver)',
    (f, caller) =>
      /node_modules\/(better-sqlite3|pg|pg-pool|pg-protocol)\/|pg-lookup-clients|typeorm\/(driver\/[\w-]+\/\w+QueryRunner|data-source|subscriber|logger)/.test(
        f.url,
      ) ||
      (!f.url && (f.functionName === 'all' || f.functionName === 'get') && SQLITE_CALLER.test(caller?.url ?? '')),
  ],
  [
    'Nest guard pipeline and parameter decorators (GuardsConsumer, @CurrentUser, @Req)',
    (f) =>
      /@nestjs\/core\/(guards|helpers\/context-utils|router\/route-params-factory)|custom-route-param|current-user\.decorator/.test(
        f.url,
      ),
  ],
  ['minimal reference guard (bench server)', (f) => f.functionName === 'canActivate' && /bench\/server/.test(f.url)],
  [
    'hydration (TypeORM metadata, prepareHydratedValue)',
    (f) =>
      /typeorm\/(metadata\/|util\/DateUtils|driver\/(sqlite-abstract|postgres)\/\w+Driver)/.test(f.url) &&
      f.functionName !== 'query',
  ],
  ['touch (TokenService.touch, TypeORM update)', (f) => f.functionName === 'touch' && /token\.service/.test(f.url)],
  [
    'response serialization (JSON, res.json/send)',
    (f) => (!f.url && f.functionName === 'stringify') || /express\/lib\/response/.test(f.url),
  ],
  ['GC', (f) => f.functionName === '(garbage collector)'],
];

/** Busy and idle microseconds, and the microseconds of each layer (self), bucket (inclusive) and function (self). */
export function breakdown(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) nodes.get(child).parent = node;
  const stackOf = (node) => {
    const stack = [];
    for (let current = node; current; current = current.parent) stack.push(current.callFrame);
    return stack;
  };
  const selfLayer = new Map();
  const inclusive = new Map(INCLUSIVE.map(([name]) => [name, 0]));
  const selfFunctions = new Map();
  let busy = 0;
  let idle = 0;
  // Each sample weighs the time until the next one.
  profile.samples.forEach((id, i) => {
    const weight = profile.timeDeltas[i + 1] ?? 0;
    const node = nodes.get(id);
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idle += weight;
      return;
    }
    busy += weight;
    const stack = stackOf(node);
    let name = null;
    for (let k = 0; k < stack.length && !name; k += 1) name = layer(stack[k], stack[k + 1]);
    name ??= 'other';
    selfLayer.set(name, (selfLayer.get(name) ?? 0) + weight);
    const key = `${frame.functionName || '(anonymous)'} ${frame.url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/libs\/auth-token\//, 'lib/')
      .replace(/^file:\/\/.*\/work\/[^/]+\//, '')}:${frame.lineNumber + 1}`;
    selfFunctions.set(key, (selfFunctions.get(key) ?? 0) + weight);
    for (const [bucket, test] of INCLUSIVE)
      if (stack.some((f, k) => test(f, stack[k + 1]))) inclusive.set(bucket, inclusive.get(bucket) + weight);
  });
  return { busy, idle, selfLayer, inclusive, selfFunctions };
}

export function summarize(profile, { top = 25, requests } = {}) {
  const { busy, idle, selfLayer, inclusive, selfFunctions } = breakdown(profile);
  // With the request count, also the busy time per request (inflated by the profiler and by whatever else runs).
  const pct = (value) =>
    `${((100 * value) / busy).toFixed(1)} %${requests ? ` | ${(value / requests).toFixed(1)}` : ''}`;
  const head = requests ? ' | µs/request' : '';
  const rule = requests ? '---:|' : '';
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return [
    `Busy ${(busy / 1e6).toFixed(1)} s of ${((busy + idle) / 1e6).toFixed(1)} s sampled (idle ${((100 * idle) / (busy + idle)).toFixed(0)} %)${requests ? `, ${requests} requests` : ''}; shares below are of busy time.`,
    '',
    `| self time by layer | share${head} |`,
    `|---|---:|${rule}`,
    ...sorted(selfLayer).map(([name, value]) => `| ${name} | ${pct(value)} |`),
    '',
    `| inclusive | share${head} |`,
    `|---|---:|${rule}`,
    ...[...inclusive].map(([name, value]) => `| ${name} | ${pct(value)} |`),
    '',
    `| top ${top} functions by self time | share${head} |`,
    `|---|---:|${rule}`,
    ...sorted(selfFunctions)
      .slice(0, top)
      .map(([name, value]) => `| \`${name}\` | ${pct(value)} |`),
  ].join('\n');
}

/** Several profiles side by side (shares of each one's busy time): `node bench/profile-summary.mjs a.cpuprofile b.cpuprofile ...`. */
export function compare(named) {
  const all = named.map(([name, profile]) => [name, breakdown(profile)]);
  const rows = (pick, names) =>
    names.map(
      (row) =>
        `| ${row} | ${all.map(([, b]) => `${((100 * (pick(b).get(row) ?? 0)) / b.busy).toFixed(1)} %`).join(' | ')} |`,
    );
  const layers = [...new Set(all.flatMap(([, b]) => [...b.selfLayer.keys()]))].sort(
    (x, y) =>
      Math.max(...all.map(([, b]) => (b.selfLayer.get(y) ?? 0) / b.busy)) -
      Math.max(...all.map(([, b]) => (b.selfLayer.get(x) ?? 0) / b.busy)),
  );
  const head = (title) => [
    `| ${title} | ${all.map(([name]) => name).join(' | ')} |`,
    `|---|${all.map(() => '---:|').join('')}`,
  ];
  return [
    ...head('self time by layer'),
    ...rows((b) => b.selfLayer, layers),
    '',
    ...head('inclusive'),
    ...rows(
      (b) => b.inclusive,
      INCLUSIVE.map(([name]) => name),
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, requests: { type: 'string' } },
  });
  const load = (file) => JSON.parse(readFileSync(file, 'utf8'));
  if (positionals.length > 1)
    console.log(
      compare(positionals.map((file) => [file.replace(/^.*\//, '').replace(/\.cpuprofile$/, ''), load(file)])),
    );
  else
    console.log(
      summarize(load(positionals[0]), {
        top: Number(values.top),
        requests: values.requests && Number(values.requests),
      }),
    );
}
