import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import type { AuthTokenOptions, ResolvedAuthTokenOptions } from './auth-token-options.interface.js';

export const DEFAULT_TOKEN_TTL = 86_400;
export const DEFAULT_TOKEN_PREFIX = 'nat';
export const DEFAULT_SCRYPT = { cost: 2 ** 17, blockSize: 8, parallelization: 1 } as const;

const PROPERTY_NAME = /^[A-Za-z_$][\w$]*$/;

function positiveSeconds(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new AuthTokenConfigError(option, `must be a positive number of seconds (got ${String(value)})`);
  }
  return value;
}

function optionalFunction<T>(option: string, value: T, method?: string): T {
  if (value === undefined) return value;
  const callable = method ? (value as Record<string, unknown> | null)?.[method] : value;
  if (typeof callable !== 'function') {
    throw new AuthTokenConfigError(option, method ? `must have a ${method}() method` : 'must be a function');
  }
  return value;
}

function resolveUserFields(raw: AuthTokenOptions['userFields'] = {}): ResolvedAuthTokenOptions['userFields'] {
  const fields = { username: 'username', password: 'password', ...raw };
  for (const [key, value] of Object.entries(fields)) {
    const optional = key !== 'username' && key !== 'password';
    if ((value === null || value === undefined) && optional) continue;
    if (typeof value !== 'string' || !PROPERTY_NAME.test(value)) {
      throw new AuthTokenConfigError(`userFields.${key}`, `must be a property name of the User entity (got ${String(value)})`);
    }
  }
  return fields;
}

function resolveScrypt(raw: AuthTokenOptions['scrypt'] = {}): ResolvedAuthTokenOptions['scrypt'] {
  const scrypt = { ...DEFAULT_SCRYPT, ...raw };
  const { cost, blockSize, parallelization } = scrypt;
  if (!Number.isInteger(cost) || cost < 2 || cost > 2 ** 24 || (cost & (cost - 1)) !== 0) {
    throw new AuthTokenConfigError('scrypt.cost', `must be a power of two between 2 and 2^24 (got ${String(cost)})`);
  }
  for (const [key, value] of [['blockSize', blockSize], ['parallelization', parallelization]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 64) {
      throw new AuthTokenConfigError(`scrypt.${key}`, `must be an integer from 1 to 64 (got ${String(value)})`);
    }
  }
  return scrypt;
}

/**
 * Applies the defaults to the raw module options and validates them, so that `forRoot` and `forRootAsync`
 * behave the same. A bad option throws {@link AuthTokenConfigError} naming it, which stops the app's boot.
 */
export function resolveAuthTokenOptions(raw: AuthTokenOptions | undefined): ResolvedAuthTokenOptions {
  if (raw === null || typeof raw !== 'object') {
    throw new AuthTokenConfigError('options', 'must be an object');
  }
  const tokens = { ttl: DEFAULT_TOKEN_TTL, prefix: DEFAULT_TOKEN_PREFIX, ...raw.tokens };
  positiveSeconds('tokens.ttl', tokens.ttl);
  if (typeof tokens.prefix !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,15}$/.test(tokens.prefix)) {
    throw new AuthTokenConfigError('tokens.prefix', 'must be 1-16 letters or digits, starting with a letter');
  }
  if (tokens.pepper !== undefined && (typeof tokens.pepper !== 'string' || tokens.pepper.length < 16)) {
    throw new AuthTokenConfigError('tokens.pepper', 'must be a string of at least 16 characters');
  }
  const realm = raw.realm ?? 'api';
  if (typeof realm !== 'string' || !/^[\x20-\x7e]*$/.test(realm) || /["\\]/.test(realm)) {
    throw new AuthTokenConfigError('realm', 'must be printable ASCII without quotes or backslashes');
  }
  return {
    userFields: resolveUserFields(raw.userFields),
    userStore: typeof raw.userStore === 'function' ? raw.userStore : optionalFunction('userStore', raw.userStore, 'findByLogin'),
    userSerializer: optionalFunction('userSerializer', raw.userSerializer),
    tokens,
    scrypt: resolveScrypt(raw.scrypt),
    passwordHasher: optionalFunction('passwordHasher', raw.passwordHasher, 'verify'),
    realm,
    clock: optionalFunction('clock', raw.clock, 'now'),
  };
}
