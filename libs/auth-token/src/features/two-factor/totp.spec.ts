import { matchingStep, otpauthUrl, timeStep, toBase32, totpCode } from './totp.js';

// RFC 6238 appendix B, SHA-1, with the ASCII secret "12345678901234567890" (its codes are 8 digits; these
// are their last 6).
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_111_111_111, '050471'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
    [20_000_000_000, '353130'],
  ])('gives the RFC test vector at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, timeStep(seconds * 1000))).toBe(code);
  });

  it('accepts one step of skew either way, and each step once', () => {
    const now = 1_234_567_890_000;
    const step = timeStep(now);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now, null)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now, null)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now, null)).toBeNull();
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step), now, step)).toBeNull();
    expect(matchingStep(RFC_SECRET, 'abcdef', now, null)).toBeNull();
  });

  it('writes base32 (RFC 4648) and an otpauth URL apps read', () => {
    expect(toBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(otpauthUrl(RFC_SECRET, 'Acme App', 'ann@example.com')).toBe(
      'otpauth://totp/Acme%20App:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20App&algorithm=SHA1&digits=6&period=30',
    );
  });
});
