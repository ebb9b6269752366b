import { PasswordHashingBusyException } from '../errors/auth-token.exceptions.js';
import { ScryptPasswordHasher } from './scrypt-password-hasher.js';

const fast = { cost: 2 ** 10 };

describe('ScryptPasswordHasher', () => {
  const hasher = new ScryptPasswordHasher(fast);

  it('produces a self-describing hash that verifies the right password only', async () => {
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('correct horse');
    await expect(hasher.verify('correct horse', hash)).resolves.toBe(true);
    await expect(hasher.verify('correct hors', hash)).resolves.toBe(false);
    await expect(hasher.verify('', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('treats canonically equivalent Unicode passwords as equal', async () => {
    const hash = await hasher.hash('caf\u00e9');
    await expect(hasher.verify('cafe\u0301', hash)).resolves.toBe(true);
  });

  it('never matches a malformed or foreign hash', async () => {
    for (const hash of [
      '',
      'plain',
      '$scrypt$ln=99,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
      'pbkdf2_sha256$1$x$y',
    ]) {
      await expect(hasher.verify('plain', hash)).resolves.toBe(false);
    }
  });

  it('asks for a rehash when the parameters changed, and verifies old hashes meanwhile', async () => {
    const old = await hasher.hash('pw');
    const stronger = new ScryptPasswordHasher({ cost: 2 ** 11 });
    expect(hasher.needsRehash(old)).toBe(false);
    expect(stronger.needsRehash(old)).toBe(true);
    expect(stronger.needsRehash('garbage')).toBe(true);
    await expect(stronger.verify('pw', old)).resolves.toBe(true);
  });

  it('defaults to OWASP parameters (N=2^17, r=8, p=1)', async () => {
    const hash = await new ScryptPasswordHasher().hash('x');
    expect(hash.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
  });

  it('refuses work at once with a 503 and Retry-After when maxQueue computations already wait', async () => {
    const gated = new ScryptPasswordHasher({ ...fast, maxConcurrency: 1, maxQueue: 2 });
    const calls = Array.from({ length: 5 }, (_, i) => gated.hash(`password ${i}`));
    const settled = await Promise.allSettled(calls);
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    const refused = (settled[3] as PromiseRejectedResult).reason as PasswordHashingBusyException;
    expect(refused).toBeInstanceOf(PasswordHashingBusyException);
    expect(refused.getStatus()).toBe(503);
    expect(refused.headers).toEqual({ 'Retry-After': '5' });
    // Once the queue has drained, work is taken again.
    await expect(gated.hash('later')).resolves.toMatch(/^\$scrypt\$/);
  });
});
