import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { resolveAuthTokenOptions } from '../../options.js';

/** The option a bad `passkeys` group is refused for, or the resolved group. */
function resolve(passkeys: object): { option: string } | object {
  try {
    return resolveAuthTokenOptions({ passkeys }).passkeys;
  } catch (error) {
    if (error instanceof AuthTokenConfigError) return { option: error.option };
    throw error;
  }
}

describe('the passkeys options', () => {
  it('are off until an RP ID is given', () => {
    expect(resolveAuthTokenOptions({}).passkeys).toEqual({ enabled: false, rpId: '', rpName: '', origins: [] });
    expect(resolve({ origins: ['https://example.com'] })).toEqual({ option: 'passkeys.rpId' });
  });

  it('default the name to the RP ID and the origin to https on it', () => {
    expect(resolve({ rpId: 'Example.com' })).toEqual({
      enabled: true,
      rpId: 'example.com',
      rpName: 'example.com',
      origins: ['https://example.com'],
    });
  });

  it('take the RP ID as the host of each origin or a registrable suffix of it, and Android app origins', () => {
    const android = `android:apk-key-hash:${'A'.repeat(43)}`;
    expect(
      resolve({
        rpId: 'example.com',
        rpName: 'Example',
        origins: ['https://example.com', 'https://app.example.com:8443/', android],
      }),
    ).toEqual({
      enabled: true,
      rpId: 'example.com',
      rpName: 'Example',
      origins: ['https://example.com', 'https://app.example.com:8443', android],
    });
    expect(resolve({ rpId: 'localhost', origins: ['http://localhost:3000'] })).toMatchObject({ enabled: true });
  });

  it.each([
    ['an IPv4 address', { rpId: '127.0.0.1', origins: ['http://127.0.0.1:3000'] }],
    ['an IPv4 address in short form', { rpId: '127.1', origins: ['http://127.1:3000'] }],
    ['an IPv6 address', { rpId: '[::1]', origins: ['http://[::1]:3000'] }],
    ['not the suffix of an origin', { rpId: 'example.com', origins: ['https://example.org'] }],
    ['a suffix that is not one on a label boundary', { rpId: 'ample.com', origins: ['https://example.com'] }],
    ['a top-level domain', { rpId: 'com', origins: ['https://example.com'] }],
    ['the suffix of only some origins', { rpId: 'example.com', origins: ['https://example.com', 'https://evil.test'] }],
    ['a URL rather than a name', { rpId: 'https://example.com' }],
    ['a name with a path', { rpId: 'example.com/login' }],
  ])('refuse an RP ID that is %s, naming passkeys.rpId', (_case, passkeys) => {
    expect(resolve(passkeys)).toEqual({ option: 'passkeys.rpId' });
  });

  it.each([
    ['empty', []],
    ['a URL with a path', ['https://example.com/login']],
    ['another scheme', ['ftp://example.com']],
    ['no URL', ['example.com']],
  ])('refuse origins that are %s, naming passkeys.origins', (_case, origins) => {
    expect(resolve({ rpId: 'example.com', origins })).toEqual({ option: 'passkeys.origins' });
  });

  it('refuse an empty name and unknown keys', () => {
    expect(resolve({ rpId: 'example.com', rpName: ' ' })).toEqual({ option: 'passkeys.rpName' });
    expect(() => resolveAuthTokenOptions({ passkeys: { rpID: 'example.com' } as object })).toThrow(/rpId/);
  });
});
