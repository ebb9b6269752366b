import { mixesScripts } from './mixed-script.js';
import { UNICODE_SCRIPTS } from './unicode-scripts.js';

describe('mixesScripts (UTS #39, highly restrictive)', () => {
  it.each([
    ['Latin with a Cyrillic о', 'b\u043eb'],
    ['Latin with a Cyrillic а', 'p\u0430ypal'],
    ['Latin with a Greek ο', 'g\u03bfogle'],
    ['Cyrillic with a Latin a', 'Дмитриa'],
    ['Hangul with Hiragana', '한국たろう'],
    ['Latin, Han and Cyrillic', '山田Taro\u0434'],
  ])('refuses %s', (_case, name) => {
    expect(mixesScripts(name)).toBe(true);
  });

  it.each([
    ['Cyrillic', 'Дмитрий'],
    ['Han', '山田太郎'],
    ['Latin with a diaeresis', 'Zoë'],
    ['Latin with a combining mark', 'Zoe\u0308'],
    ['Greek', 'Ελένη'],
    ['Latin with digits and @ . + - _', 'john.doe+1_x-2@example.com'],
    ['Latin, Han and Hiragana', '山田たろうTaro'],
    ['Latin, Han and Katakana', 'タロウ山田Taro'],
    ['Latin, Han and Hangul', '김민준Kim金'],
    ['Latin, Han and Bopomofo', 'ㄅㄆ台北Taipei'],
    ['digits only', '12345'],
  ])('accepts %s', (_case, name) => {
    expect(mixesScripts(name)).toBe(false);
  });

  it('lists every script the engine knows: each letter, mark or digit is in one, or Common or Inherited', () => {
    const known = UNICODE_SCRIPTS.flatMap((script) => {
      try {
        return [new RegExp(`\\p{Script_Extensions=${script}}`, 'u')];
      } catch {
        return [];
      }
    });
    const anyScript = /[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]/u;
    const unlisted: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (!/[\p{L}\p{M}\p{N}]/u.test(character) || anyScript.test(character)) continue;
      if (!known.some((test) => test.test(character))) unlisted.push(codePoint.toString(16));
    }
    expect(unlisted).toEqual([]);
  });
});
