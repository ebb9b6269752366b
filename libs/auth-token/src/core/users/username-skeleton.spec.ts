import { usernameSkeleton } from './username-skeleton.js';

describe('usernameSkeleton (UTS #39 confusable skeleton of the canonical form)', () => {
  it.each([
    ['ɑdmin (Latin alpha)', '\u0251dmin', 'admin'],
    ['pаypal (Cyrillic а)', 'p\u0430ypal', 'paypal'],
    ['ADMIN', 'ADMIN', 'admin'],
    ['fullwidth ａｄｍｉｎ', '\uff41\uff44\uff4d\uff49\uff4e', 'admin'],
    ['bоb (Cyrillic о)', 'b\u043eb', 'bob'],
  ])('gives %s the skeleton of %s', (_case, lookAlike, original) => {
    expect(usernameSkeleton(lookAlike)).toBe(usernameSkeleton(original));
  });

  it.each([
    ['admin', 'admln'],
    ['Zoë', 'Zoe'],
    ['iris', 'İris'],
    ['alice', 'alice2'],
  ])('keeps %s and %s apart', (one, other) => {
    expect(usernameSkeleton(one)).not.toBe(usernameSkeleton(other));
  });

  it('is in NFD, so a precomposed and a decomposed ë give one skeleton', () => {
    expect(usernameSkeleton('Zo\u00eb')).toBe('zoe\u0308');
    expect(usernameSkeleton('Zoe\u0308')).toBe('zoe\u0308');
  });
});
