import { PASSWORD_MESSAGES, PasswordPolicy } from './password-policy.js';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it('accepts a long, uncommon password', () => {
    expect(policy.check('violet staple battery', { username: 'alice' })).toEqual([]);
  });

  it('refuses fewer than 8 and more than 128 characters, counting code points', () => {
    expect(policy.check('Xq7#zT2')).toEqual([PASSWORD_MESSAGES.tooShort(8)]);
    expect(policy.check('x'.repeat(129))).toContain(PASSWORD_MESSAGES.tooLong(128));
    expect(policy.check('\u{1F600}'.repeat(8))).toEqual([]);
    expect(policy.check('\u{1F600}'.repeat(7))).toEqual([PASSWORD_MESSAGES.tooShort(8)]);
  });

  it('refuses the username or e-mail address, ignoring case', () => {
    expect(policy.check('Marguerite', { username: 'marguerite' })).toEqual([PASSWORD_MESSAGES.similar]);
    expect(policy.check('m.dupont@example.org', { email: 'M.Dupont@example.org' })).toEqual([
      PASSWORD_MESSAGES.similar,
    ]);
    expect(policy.check('m.dupont', { email: 'm.dupont@example.org' })).toEqual([PASSWORD_MESSAGES.similar]);
  });

  it('refuses the most common passwords, ignoring case', () => {
    expect(policy.check('password')).toEqual([PASSWORD_MESSAGES.common]);
    expect(policy.check('Baseball')).toEqual([PASSWORD_MESSAGES.common]);
    expect(policy.check('12345678')).toEqual([PASSWORD_MESSAGES.common]);
  });

  it('reports every broken rule at once', () => {
    expect(policy.check('qwerty', { username: 'qwerty' })).toEqual([
      PASSWORD_MESSAGES.tooShort(8),
      PASSWORD_MESSAGES.similar,
      PASSWORD_MESSAGES.common,
    ]);
  });

  it('is configurable', () => {
    const lenient = new PasswordPolicy({
      minLength: 4,
      maxLength: 10,
      rejectUserAttributes: false,
      rejectCommon: false,
    });
    expect(lenient.check('password')).toEqual([]);
    expect(lenient.check('abcd', { username: 'abcd' })).toEqual([]);
    expect(lenient.check('x'.repeat(11))).toEqual([PASSWORD_MESSAGES.tooLong(10)]);
    const house = new PasswordPolicy({ rejectCommon: ['acme-corp'] });
    expect(house.check('ACME-corp')).toEqual([PASSWORD_MESSAGES.common]);
    expect(house.check('password')).toEqual([PASSWORD_MESSAGES.common]);
  });
});
