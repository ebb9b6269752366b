import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';

/** Option keys by group: a group's value is its own keys, a leaf's is null. */
export type KnownKeys = { [key: string]: KnownKeys | null };

/** The core's option keys; each feature adds its group's (see OptionGroup). */
export const CORE_OPTION_KEYS: KnownKeys = {
  userFields: {
    username: null,
    canonicalUsername: null,
    usernameSkeleton: null,
    password: null,
    email: null,
    isActive: null,
    emailConfirmed: null,
  },
  userStore: null,
  secret: null,
  userSerializer: null,
  tokens: {
    ttl: null,
    maxTtl: null,
    touchInterval: null,
    maxPerUser: null,
    cacheTtl: null,
    cacheSize: null,
    cacheListenerConnection: null,
    recordIp: null,
    prefix: null,
    pepper: null,
  },
  scopes: null,
  scrypt: { cost: null, blockSize: null, parallelization: null, maxConcurrency: null, maxQueue: null },
  passwordHasher: null,
  realm: null,
  clock: null,
  mailer: null,
  mailRetryDelays: null,
  trustedOrigins: null,
};

const isGroup = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys that belong at the top level of `forRoot`/`forRootAsync`, next to (not inside) the options. */
const EXTRAS = ['userEntity', 'routePrefix', 'isGlobal', 'globalGuard'];

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/** Every known path, e.g. `tokens.ttl`, `emailConfirm.redirect.success`. */
function allPaths(known: KnownKeys, prefix = ''): string[] {
  return Object.entries(known).flatMap(([key, children]) => {
    const path = `${prefix}${key}`;
    return children ? [path, ...allPaths(children, `${path}.`)] : [path];
  });
}
function suggestion(path: string, siblings: string[], all: KnownKeys): string {
  const key = path.split('.').pop() as string;
  const close = siblings
    .filter((sibling) => distance(key, sibling) <= 2)
    .sort((a, b) => distance(key, a) - distance(key, b))[0];
  if (close) return `; did you mean "${path.replace(/[^.]+$/, close)}"?`;
  const elsewhere = allPaths(all).filter((candidate) => candidate.split('.').pop() === key);
  if (elsewhere.length) return `; did you mean "${elsewhere[0]}"?`;
  return '';
}

/** What `forRootAsync()` takes at its top level: Nest's async-options keys and the extras. */
const ASYNC_KEYS = [
  'imports',
  'inject',
  'useFactory',
  'useClass',
  'useExisting',
  'provideInjectionTokensFrom',
  ...EXTRAS,
];

/**
 * Refuses a key at the top level of `forRootAsync()` that it does not take, with the nearest known name: a
 * misspelt extra (`routPrefix`, `isGobal`) would otherwise be dropped without a word. Options themselves belong
 * in what the factory returns.
 */
export function assertKnownAsyncKeys(raw: object, known: KnownKeys): void {
  for (const key of Object.keys(raw)) {
    if (ASYNC_KEYS.includes(key)) continue;
    const close = ASYNC_KEYS.filter((known) => distance(key, known) <= 2).sort(
      (a, b) => distance(key, a) - distance(key, b),
    )[0];
    const hint = close ? `; did you mean "${close}"?` : key in known ? '; options go in what useFactory returns' : '';
    throw new AuthTokenConfigError(
      key,
      `is not taken by AuthTokenModule.forRootAsync()${hint}`,
      `forRootAsync() key "${key}"`,
    );
  }
}

/**
 * Refuses option keys the library does not know, with the nearest known name: a misspelt option (`tokens.tll`,
 * `token.ttl`, `userFeilds`) would otherwise be ignored without a word and its default used.
 */
export function assertKnownOptionKeys(raw: object, known: KnownKeys, prefix = '', all: KnownKeys = known): void {
  for (const [key, value] of Object.entries(raw)) {
    const path = `${prefix}${key}`;
    if (!(key in known)) {
      if (!prefix && EXTRAS.includes(key)) {
        throw new AuthTokenConfigError(
          path,
          'belongs at the top level of forRoot()/forRootAsync(), next to useFactory, not among the options the factory returns',
        );
      }
      throw new AuthTokenConfigError(
        path,
        `is not an option of AuthTokenModule${suggestion(path, Object.keys(known), all)}`,
      );
    }
    const children = known[key];
    if (children && isGroup(value)) {
      assertKnownOptionKeys(value, children, `${path}.`, all);
    }
  }
}
