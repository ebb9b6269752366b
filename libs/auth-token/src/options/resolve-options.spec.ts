import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import { resolveAuthTokenOptions } from './resolve-options.js';

function configError(run: () => unknown): AuthTokenConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthTokenConfigError) return error;
    throw error;
  }
  throw new Error('expected an AuthTokenConfigError');
}

describe('resolveAuthTokenOptions', () => {
  it('applies the documented defaults', () => {
    const options = resolveAuthTokenOptions({});
    expect(options.tokens).toEqual({ ttl: 86_400, prefix: 'nat' });
    expect(options.scrypt).toEqual({ cost: 131_072, blockSize: 8, parallelization: 1 });
    expect(options.userFields).toEqual({ username: 'username', password: 'password' });
    expect(options.realm).toBe('api');
    expect(options.userSerializer).toBeUndefined();
  });

  it('keeps what the host sets', () => {
    const serializer = (user: { id: number }) => ({ id: user.id });
    const options = resolveAuthTokenOptions({
      tokens: { ttl: 60, prefix: 'acme', pepper: 'sixteen-chars-ok' },
      userFields: { username: 'email', isActive: null },
      userSerializer: serializer,
      scrypt: { cost: 1024 },
    });
    expect(options.tokens).toEqual({ ttl: 60, prefix: 'acme', pepper: 'sixteen-chars-ok' });
    expect(options.userFields).toEqual({ username: 'email', password: 'password', isActive: null });
    expect(options.userSerializer).toBe(serializer);
    expect(options.scrypt.cost).toBe(1024);
  });

  it.each([
    ['tokens.ttl', { tokens: { ttl: -1 } }],
    ['tokens.ttl', { tokens: { ttl: 0 } }],
    ['tokens.ttl', { tokens: { ttl: Number.NaN } }],
    ['tokens.ttl', { tokens: { ttl: '60' } }],
    ['tokens.prefix', { tokens: { prefix: 'has_underscore' } }],
    ['tokens.prefix', { tokens: { prefix: '' } }],
    ['tokens.pepper', { tokens: { pepper: 'short' } }],
    ['scrypt.cost', { scrypt: { cost: 1000 } }],
    ['scrypt.blockSize', { scrypt: { blockSize: 0 } }],
    ['userFields.username', { userFields: { username: 'not a property' } }],
    ['userFields.password', { userFields: { password: '' } }],
    ['userSerializer', { userSerializer: 'id' }],
    ['userStore', { userStore: {} }],
    ['clock', { clock: { now: 1 } }],
    ['realm', { realm: 'quote"' }],
  ])('names %s when it is invalid', (option, raw) => {
    const error = configError(() => resolveAuthTokenOptions(raw as never));
    expect(error.option).toBe(option);
    expect(error.message).toContain(`"${option}"`);
  });
});
