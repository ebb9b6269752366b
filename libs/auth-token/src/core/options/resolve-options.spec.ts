import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import { CLEANUP_DEFAULTS } from '../../features/cleanup/cleanup.options.js';
import { THROTTLE_DEFAULTS } from '../../features/throttling/throttling.options.js';
import { AUTH_TOKEN_DEFAULTS } from './auth-token-defaults.js';
import { resolveAuthTokenOptions } from '../../options.js';

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
    expect(options.tokens).toEqual({
      ttl: 86_400,
      maxTtl: 2_592_000,
      touchInterval: 60,
      maxPerUser: 50,
      cacheTtl: 0,
      cacheSize: 10_000,
      recordIp: true,
      prefix: 'nat',
    });
    expect(options.cleanup).toEqual({ enabled: true, interval: 3600, batchSize: 1000 });
    expect(options.registration).toEqual({ enabled: false });
    expect(options.emailConfirm).toMatchObject({
      enabled: false,
      ttl: 86_400,
      redirect: { success: '/' },
      resendInterval: 60,
    });
    expect(options.passwordReset).toMatchObject({ url: undefined, ttl: 3600 });
    expect(options.passwordPolicy).toMatchObject({ minLength: 8, maxLength: 128 });
    expect(options.scrypt).toEqual({ cost: 131_072, blockSize: 8, parallelization: 1, maxQueue: 64 });
    expect(options.throttle).toEqual({
      enabled: true,
      maxFailures: 10,
      maxPerAccount: 100,
      maxPerIp: 100,
      maxRegistrationsPerIp: 20,
      maxMailsPerAddress: 5,
      maxHashingPerIp: 2,
      window: 900,
    });
    expect(options.apiTokens).toMatchObject({ enabled: false });
    expect(options.reauthentication).toEqual({ window: 900 });
    expect(options.mailRetryDelays).toEqual([2, 10]);
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
    expect(options.tokens).toMatchObject({ ttl: 60, maxTtl: 2_592_000, prefix: 'acme', pepper: 'sixteen-chars-ok' });
    expect(options.tokens.touchInterval).toBe(6);
    expect(resolveAuthTokenOptions({ tokens: { ttl: 3_000_000 } }).tokens.maxTtl).toBe(3_000_000);
    expect(options.userFields).toEqual({ username: 'email', password: 'password', isActive: null });
    expect(options.userSerializer).toBe(serializer);
    expect(options.scrypt.cost).toBe(1024);
  });

  it.each([
    ['tokens.ttl', { tokens: { ttl: -1 } }],
    ['tokens.ttl', { tokens: { ttl: 0 } }],
    ['tokens.ttl', { tokens: { ttl: Number.NaN } }],
    ['tokens.ttl', { tokens: { ttl: '60' } }],
    ['tokens.maxTtl', { tokens: { ttl: 100, maxTtl: 50 } }],
    ['tokens.touchInterval', { tokens: { ttl: 100, touchInterval: 100 } }],
    ['tokens.touchInterval', { tokens: { touchInterval: -1 } }],
    ['tokens.maxPerUser', { tokens: { maxPerUser: 0 } }],
    ['tokens.cacheTtl', { tokens: { cacheTtl: -1 } }],
    ['tokens.cacheSize', { tokens: { cacheSize: 0 } }],
    ['cleanup.interval', { cleanup: { interval: 0 } }],
    ['cleanup.batchSize', { cleanup: { batchSize: 1.5 } }],
    ['emailConfirm.baseUrl', { emailConfirm: { enabled: true } }],
    ['emailConfirm.baseUrl', { emailConfirm: { baseUrl: 'ftp://x' } }],
    [
      'emailConfirm.redirect.success',
      { emailConfirm: { baseUrl: 'https://app.test', redirect: { success: 'https://evil.test/' } } },
    ],
    [
      'emailConfirm.redirect.success',
      { emailConfirm: { baseUrl: 'https://app.test', redirect: { success: '//evil.test/' } } },
    ],
    ['emailConfirm.redirect.invalid', { emailConfirm: { redirect: { invalid: 'http://app.test/bad' } } }],
    ['emailConfirm.templates', { emailConfirm: { templates: { 'not a locale': { text: 'x' } } } }],
    ['passwordReset.url', { passwordReset: { url: 'not a url' } }],
    ['passwordPolicy.maxLength', { passwordPolicy: { minLength: 10, maxLength: 5 } }],
    ['mailer', { mailer: {} }],
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

  it.each([
    ['tokens.tll', { tokens: { tll: 60 } }, 'did you mean "tokens.ttl"?'],
    ['token', { token: { ttl: 60 } }, 'did you mean "tokens"?'],
    ['userFeilds', { userFeilds: { username: 'email' } }, 'did you mean "userFields"?'],
    ['ttl', { ttl: 60 }, 'did you mean "tokens.ttl"?'],
    [
      'emailConfirm.redirect.sucess',
      { emailConfirm: { redirect: { sucess: '/' } } },
      'did you mean "emailConfirm.redirect.success"?',
    ],
    ['throttle.maxFailure', { throttle: { maxFailure: 3 } }, 'did you mean "throttle.maxFailures"?'],
  ])('refuses the unknown option %s with the nearest known name', (option, raw, hint) => {
    const error = configError(() => resolveAuthTokenOptions(raw as never));
    expect(error.option).toBe(option);
    expect(error.message).toContain('is not an option of AuthTokenModule');
    expect(error.message).toContain(hint);
  });

  it('keeps trusted origins in the form of an Origin header, none by default', () => {
    expect(resolveAuthTokenOptions({}).trustedOrigins).toEqual([]);
    const { trustedOrigins } = resolveAuthTokenOptions({
      trustedOrigins: ['https://app.example', 'http://localhost:5173/'],
    });
    expect(trustedOrigins).toEqual(['https://app.example', 'http://localhost:5173']);
  });

  it.each([
    ['https://app.example/login'],
    ['app.example'],
    ['ftp://app.example'],
    ['null'],
    ['HTTPS://App.example'],
    [42],
  ])('names trustedOrigins[1] when it is %j, not an origin', (bad) => {
    const error = configError(() => resolveAuthTokenOptions({ trustedOrigins: ['https://ok.example', bad] } as never));
    expect(error.option).toBe('trustedOrigins[1]');
    expect(error.message).toContain('"trustedOrigins[1]"');
  });

  it('names trustedOrigins when it is not a list', () => {
    expect(configError(() => resolveAuthTokenOptions({ trustedOrigins: 'https://app.example' } as never)).option).toBe(
      'trustedOrigins',
    );
  });

  it('says where a module extra returned by a forRootAsync factory belongs', () => {
    const error = configError(() => resolveAuthTokenOptions({ userEntity: class User {} } as never));
    expect(error.option).toBe('userEntity');
    expect(error.message).toContain('belongs at the top level of forRoot()/forRootAsync()');
  });

  it.each([
    ['tokens.ttl', { tokens: { ttl: '3600' } }],
    ['throttle.maxFailures', { throttle: { maxFailures: '5' } }],
    ['cleanup.batchSize', { cleanup: { batchSize: '100' } }],
  ])('says that %s was given as a string (as ConfigService.get returns it)', (option, raw) => {
    const error = configError(() => resolveAuthTokenOptions(raw as never));
    expect(error.option).toBe(option);
    expect(error.message).toMatch(/not the string "\d+" \(configuration values are strings: convert with Number\(\)\)/);
  });

  it('reads every default from one object', () => {
    expect(resolveAuthTokenOptions({}).throttle).toEqual(THROTTLE_DEFAULTS);
    expect(resolveAuthTokenOptions({}).cleanup).toEqual(CLEANUP_DEFAULTS);
    expect(resolveAuthTokenOptions({}).tokens).toEqual(AUTH_TOKEN_DEFAULTS.tokens);
  });
});
