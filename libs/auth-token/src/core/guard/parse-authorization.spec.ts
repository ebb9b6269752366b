import { parseAuthorization } from './parse-authorization.js';

describe('parseAuthorization', () => {
  it.each([
    ['Token abc', 'abc'],
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['TOKEN abc', 'abc'],
    ['Token   abc  ', 'abc'],
  ])('reads %j', (header, expected) => {
    expect(parseAuthorization(header)).toBe(expected);
  });

  it.each([[undefined], [''], ['Basic dXNlcjpwdw=='], ['Digest x'], [['Token abc']], [42]])(
    'finds no token credentials in %j',
    (header) => {
      expect(parseAuthorization(header)).toBeUndefined();
    },
  );

  it.each([['Token'], ['Bearer '], ['Token a b'], [`Token ${'a'.repeat(2000)}`]])(
    'flags %j as presented but unusable',
    (header) => {
      expect(parseAuthorization(header)).toBe('');
    },
  );
});
