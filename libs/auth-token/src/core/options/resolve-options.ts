import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import { AUTH_TOKEN_DEFAULTS } from './auth-token-defaults.js';
import type { AuthTokenOptions, ResolvedAuthTokenOptions } from './auth-token-options.interface.js';
import {
  httpUrl,
  nonNegativeSeconds,
  optionalFunction,
  positiveSeconds,
  PROPERTY_NAME,
  SCOPE_NAME,
  TOKEN_PREFIX,
  wholeNumber,
} from './checks.js';
import type { CoreOptions, OptionGroup } from './option-group.js';
import { assertKnownOptionKeys, type KnownKeys } from './option-keys.js';

function resolveMailRetryDelays(
  raw: AuthTokenOptions['mailRetryDelays'] = [...AUTH_TOKEN_DEFAULTS.mailRetryDelays],
): number[] {
  if (!Array.isArray(raw) || raw.length > 10)
    throw new AuthTokenConfigError('mailRetryDelays', 'must be a list of at most 10 delays in seconds');
  return raw.map((delay, i) => nonNegativeSeconds(`mailRetryDelays[${i}]`, delay));
}

function resolveScopes(raw: AuthTokenOptions['scopes'] = {}): ResolvedAuthTokenOptions['scopes'] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AuthTokenConfigError(
      'scopes',
      "must be an object of scope names and descriptions, e.g. { 'orders:read': 'Read orders' }",
    );
  }
  for (const [name, description] of Object.entries(raw)) {
    if (!SCOPE_NAME.test(name))
      throw new AuthTokenConfigError(
        'scopes',
        `has an invalid scope name "${name}": use 1-64 letters, digits and : . _ -`,
      );
    if (typeof description !== 'string')
      throw new AuthTokenConfigError(`scopes.${name}`, 'must be a description (a string)');
  }
  return { ...raw };
}

function resolveSecret(secret: AuthTokenOptions['secret']): AuthTokenOptions['secret'] {
  if (secret === undefined) return undefined;
  const long = Buffer.isBuffer(secret) ? secret.length >= 32 : typeof secret === 'string' && secret.length >= 32;
  if (!long)
    throw new AuthTokenConfigError(
      'secret',
      'must be a string of at least 32 characters or a Buffer of at least 32 bytes (e.g. openssl rand -base64 32)',
    );
  return secret;
}

/** Each an origin as a browser sends it in `Origin`: `http(s)://host[:port]`, no path (a final `/` is dropped). */
function resolveTrustedOrigins(raw: unknown = AUTH_TOKEN_DEFAULTS.trustedOrigins): string[] {
  if (!Array.isArray(raw)) {
    throw new AuthTokenConfigError('trustedOrigins', 'must be a list of origins, e.g. ["https://app.example"]');
  }
  return raw.map((origin: unknown, i) => {
    const option = `trustedOrigins[${i}]`;
    const url = httpUrl(option, origin);
    if (url.origin !== String(origin).replace(/\/$/, '')) {
      throw new AuthTokenConfigError(
        option,
        `must be an origin such as "https://app.example", no path (got ${String(origin)})`,
      );
    }
    return url.origin;
  });
}

function resolveUserFields(raw: AuthTokenOptions['userFields'] = {}): ResolvedAuthTokenOptions['userFields'] {
  const fields = { ...AUTH_TOKEN_DEFAULTS.userFields, ...raw };
  for (const [key, value] of Object.entries(fields)) {
    const optional = key !== 'username' && key !== 'password';
    if ((value === null || value === undefined) && optional) continue;
    if (typeof value !== 'string' || !PROPERTY_NAME.test(value)) {
      throw new AuthTokenConfigError(
        `userFields.${key}`,
        `must be a property name of the User entity (got ${String(value)})`,
      );
    }
  }
  return fields;
}

function resolveScrypt(raw: AuthTokenOptions['scrypt'] = {}): ResolvedAuthTokenOptions['scrypt'] {
  const scrypt = { ...AUTH_TOKEN_DEFAULTS.scrypt, ...raw };
  const { cost, blockSize, parallelization } = scrypt;
  if (!Number.isInteger(cost) || cost < 2 || cost > 2 ** 24 || (cost & (cost - 1)) !== 0) {
    throw new AuthTokenConfigError('scrypt.cost', `must be a power of two between 2 and 2^24 (got ${String(cost)})`);
  }
  for (const [key, value] of [
    ['blockSize', blockSize],
    ['parallelization', parallelization],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 64) {
      throw new AuthTokenConfigError(`scrypt.${key}`, `must be an integer from 1 to 64 (got ${String(value)})`);
    }
  }
  if (scrypt.maxConcurrency !== undefined) wholeNumber('scrypt.maxConcurrency', scrypt.maxConcurrency);
  wholeNumber('scrypt.maxQueue', scrypt.maxQueue, 0);
  return scrypt;
}

/**
 * Applies the defaults to the raw module options and validates them, so that `forRoot` and `forRootAsync`
 * behave the same. A bad option throws {@link AuthTokenConfigError} naming it, which stops the app's boot.
 */
export function resolveOptions(
  raw: AuthTokenOptions | undefined,
  routePrefix: string,
  groups: readonly OptionGroup[],
  known: KnownKeys,
): ResolvedAuthTokenOptions {
  if (raw === null || typeof raw !== 'object') {
    throw new AuthTokenConfigError('options', 'must be an object');
  }
  assertKnownOptionKeys(raw, known);
  const defaults = AUTH_TOKEN_DEFAULTS.tokens;
  const ttlGiven = typeof raw.tokens?.ttl === 'number' ? raw.tokens.ttl : defaults.ttl;
  const tokens = {
    ...defaults,
    maxTtl: Math.max(defaults.maxTtl, ttlGiven),
    // A short-lived token must be touched more often than every minute, or it would die while in use.
    touchInterval: Math.min(defaults.touchInterval, ttlGiven / 10),
    ...raw.tokens,
  };
  positiveSeconds('tokens.ttl', tokens.ttl);
  positiveSeconds('tokens.maxTtl', tokens.maxTtl);
  if (tokens.maxTtl < tokens.ttl)
    throw new AuthTokenConfigError(
      'tokens.maxTtl',
      `must be at least tokens.ttl (${tokens.ttl}), got ${tokens.maxTtl}`,
    );
  nonNegativeSeconds('tokens.touchInterval', tokens.touchInterval);
  if (tokens.touchInterval >= tokens.ttl) {
    throw new AuthTokenConfigError(
      'tokens.touchInterval',
      `must be shorter than tokens.ttl (${tokens.ttl}), got ${tokens.touchInterval}`,
    );
  }
  nonNegativeSeconds('tokens.cacheTtl', tokens.cacheTtl);
  wholeNumber('tokens.cacheSize', tokens.cacheSize);
  const listener = tokens.cacheListenerConnection;
  if (
    listener !== undefined &&
    (listener === null || (typeof listener !== 'string' && typeof listener !== 'object') || listener === '')
  ) {
    throw new AuthTokenConfigError(
      'tokens.cacheListenerConnection',
      'must be a PostgreSQL connection string or node-postgres client settings',
    );
  }
  wholeNumber('tokens.maxPerUser', tokens.maxPerUser);
  if (typeof tokens.prefix !== 'string' || !TOKEN_PREFIX.test(tokens.prefix)) {
    throw new AuthTokenConfigError('tokens.prefix', 'must be 1-16 letters or digits, starting with a letter');
  }
  if (tokens.pepper !== undefined && (typeof tokens.pepper !== 'string' || tokens.pepper.length < 16)) {
    throw new AuthTokenConfigError('tokens.pepper', 'must be a string of at least 16 characters');
  }
  const realm = raw.realm ?? AUTH_TOKEN_DEFAULTS.realm;
  if (typeof realm !== 'string' || !/^[\x20-\x7e]*$/.test(realm) || /["\\]/.test(realm)) {
    throw new AuthTokenConfigError('realm', 'must be printable ASCII without quotes or backslashes');
  }
  const core: CoreOptions = {
    userFields: resolveUserFields(raw.userFields),
    userStore:
      typeof raw.userStore === 'function' ? raw.userStore : optionalFunction('userStore', raw.userStore, 'findByLogin'),
    userSerializer: optionalFunction('userSerializer', raw.userSerializer),
    secret: resolveSecret(raw.secret),
    tokens,
    scopes: resolveScopes(raw.scopes),
    scrypt: resolveScrypt(raw.scrypt),
    passwordHasher: optionalFunction('passwordHasher', raw.passwordHasher, 'verify'),
    realm,
    clock: optionalFunction('clock', raw.clock, 'now'),
    routePrefix,
    mailer: typeof raw.mailer === 'function' ? raw.mailer : optionalFunction('mailer', raw.mailer, 'send'),
    mailRetryDelays: resolveMailRetryDelays(raw.mailRetryDelays),
    trustedOrigins: resolveTrustedOrigins(raw.trustedOrigins),
  };
  const resolved = groups.map((group) => [group, group.resolve(raw[group.name], core)] as const);
  const features = Object.fromEntries(resolved.map(([group, options]) => [group.name, options]));
  const userFieldRules = resolved.flatMap(([group, options]) => group.userFields?.(options) ?? []);
  return { ...core, ...features, userFieldRules } as ResolvedAuthTokenOptions;
}
