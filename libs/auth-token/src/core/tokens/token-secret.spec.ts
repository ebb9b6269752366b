import { digestToken, generateToken, isWellFormedToken } from './token-secret.js';

describe('token secrets', () => {
  it('look like <prefix>_<49 base62 characters>', () => {
    const token = generateToken('nat');
    expect(token).toMatch(/^nat_[0-9A-Za-z]{49}$/);
    expect(isWellFormedToken(token, 'nat')).toBe(true);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken('nat')));
    expect(tokens.size).toBe(1000);
  });

  it('use the configured prefix', () => {
    const token = generateToken('acme');
    expect(token.startsWith('acme_')).toBe(true);
    expect(isWellFormedToken(token, 'acme')).toBe(true);
    expect(isWellFormedToken(token, 'nat')).toBe(false);
  });

  it('reject any single-character change through the checksum', () => {
    const token = generateToken('nat');
    for (const position of [4, 20, 46, token.length - 1]) {
      const original = token[position];
      const replacement = original === 'a' ? 'b' : 'a';
      const typo = token.slice(0, position) + replacement + token.slice(position + 1);
      expect(isWellFormedToken(typo, 'nat')).toBe(false);
    }
  });

  it('reject wrong lengths, characters and junk around a valid token', () => {
    const token = generateToken('nat');
    expect(isWellFormedToken(token.slice(0, -1), 'nat')).toBe(false);
    expect(isWellFormedToken(`${token}x`, 'nat')).toBe(false);
    expect(isWellFormedToken(` ${token}`, 'nat')).toBe(false);
    expect(isWellFormedToken(token.replace(/.$/, '-'), 'nat')).toBe(false);
    expect(isWellFormedToken(token.replace(/^nat_/, 'nat-'), 'nat')).toBe(false);
    expect(isWellFormedToken('', 'nat')).toBe(false);
  });

  it('digest to 64 hex characters, differently with a pepper, never containing the token', () => {
    const token = generateToken('nat');
    const plain = digestToken(token);
    const peppered = digestToken(token, 'a-server-side-secret');
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(peppered).toMatch(/^[0-9a-f]{64}$/);
    expect(peppered).not.toBe(plain);
    expect(digestToken(token)).toBe(plain);
    expect(plain).not.toContain(token.slice(4));
  });
});
