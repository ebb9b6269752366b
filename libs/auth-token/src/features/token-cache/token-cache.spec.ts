import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { decodeNotice, encodeNotice, type RevocationNotice } from '../../core/revocation/revocation-notice.js';
import { TokenCache } from './token-cache.js';

interface TestUser {
  id: number;
}

const token = (id: string, expiresAt = 10_000) => ({ id, expiresAt: new Date(expiresAt) }) as AuthToken;
const cache = (settings: { ttlMs?: number; maxEntries?: number; suspended?: boolean } = {}) =>
  new TokenCache<TestUser>({
    ttlMs: 1_000,
    maxEntries: 100,
    suspended: false,
    userIdOf: (user) => user.id,
    ...settings,
  });

describe('TokenCache', () => {
  it('serves an entry until it is ttlMs old, as a copy of the user', () => {
    const tokens = cache();
    const user = { id: 1 };
    tokens.set('d1', token('t1'), user, 0, tokens.mark());
    const hit = tokens.get('d1', 999);
    expect(hit?.token.id).toBe('t1');
    expect(hit?.user).toEqual(user);
    expect(hit?.user).not.toBe(user);
    expect(tokens.get('d1', 1_000)).toBeUndefined();
  });

  it('does not keep what a lookup read while a revocation landed (its mark is stale)', () => {
    const tokens = cache();
    const mark = tokens.mark();
    tokens.apply({ tokenIds: ['t1'] });
    tokens.set('d1', token('t1'), { id: 1 }, 0, mark);
    expect(tokens.get('d1', 1)).toBeUndefined();
  });

  it('drops by token id, by user, and tokens expired by a moment', () => {
    const tokens = cache();
    tokens.set('a', token('ta', 500), { id: 1 }, 0, tokens.mark());
    tokens.set('b', token('tb', 5_000), { id: 1 }, 0, tokens.mark());
    tokens.set('c', token('tc', 5_000), { id: 2 }, 0, tokens.mark());
    tokens.apply({ expiredBefore: 500 });
    expect(tokens.get('a', 1)).toBeUndefined();
    expect(tokens.get('b', 1)).toBeDefined();
    tokens.apply({ userId: '1' });
    expect(tokens.get('b', 1)).toBeUndefined();
    expect(tokens.get('c', 1)).toBeDefined();
    tokens.apply({ tokenIds: ['tc'] });
    expect(tokens.get('c', 1)).toBeUndefined();
  });

  it('serves and keeps nothing while suspended, nor when off', () => {
    const suspended = cache({ suspended: true });
    suspended.set('d', token('t'), { id: 1 }, 0, suspended.mark());
    expect(suspended.get('d', 1)).toBeUndefined();
    suspended.resume();
    suspended.set('d', token('t'), { id: 1 }, 0, suspended.mark());
    expect(suspended.get('d', 1)).toBeDefined();
    suspended.suspend();
    expect(suspended.get('d', 1)).toBeUndefined();

    const off = cache({ ttlMs: 0 });
    off.set('d', token('t'), { id: 1 }, 0, off.mark());
    expect(off.get('d', 0)).toBeUndefined();
  });

  it('evicts the oldest entry beyond maxEntries, and forgets it in its indexes', () => {
    const tokens = cache({ maxEntries: 2 });
    for (const name of ['a', 'b', 'c']) tokens.set(name, token(`t${name}`), { id: 1 }, 0, tokens.mark());
    expect(tokens.get('a', 1)).toBeUndefined();
    expect(tokens.get('c', 1)).toBeDefined();
    tokens.apply({ userId: 1 });
    expect(tokens.get('b', 1)).toBeUndefined();
    expect(tokens.get('c', 1)).toBeUndefined();
  });
});

describe('revocation notices', () => {
  it.each<RevocationNotice>([
    { tokenIds: ['8b0e…', 'x'] },
    { userId: 42 },
    { userId: 'u-1' },
    { expiredBefore: 1_764_000_000_000 },
    { everything: true },
  ])('survive the trip through a NOTIFY payload: %j', (notice) =>
    expect(decodeNotice(encodeNotice(notice))).toEqual(notice),
  );

  it.each(['', 'not json', 'null', '[]', '{"t":[1]}', '{"e":"soon"}', '{"x":1}'])(
    'read anything else (%j) as "drop everything"',
    (payload) => {
      expect(decodeNotice(payload)).toEqual({ everything: true });
    },
  );
});
