import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';
import type { PasswordPolicyOptions } from './password-policy.js';

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Rules for new passwords (registration, change, reset). @default 8-128 characters, not the username, not common */
    passwordPolicy?: PasswordPolicyOptions;
  }
  interface ResolvedAuthTokenOptions {
    passwordPolicy: PasswordPolicyOptions & Required<Pick<PasswordPolicyOptions, 'minLength' | 'maxLength'>>;
  }
}

export const PASSWORD_POLICY_DEFAULTS = { minLength: 8, maxLength: 128 } as const;

export const passwordPolicyOptions: OptionGroup<'passwordPolicy'> = {
  name: 'passwordPolicy',
  keys: { minLength: null, maxLength: null, rejectUserAttributes: null, rejectCommon: null, breachedPasswords: null },
  resolve(raw = {}) {
    const minLength = wholeNumber('passwordPolicy.minLength', raw.minLength ?? PASSWORD_POLICY_DEFAULTS.minLength);
    const maxLength = raw.maxLength ?? PASSWORD_POLICY_DEFAULTS.maxLength;
    if (!Number.isInteger(maxLength) || maxLength < minLength || maxLength > 4096) {
      throw new AuthTokenConfigError(
        'passwordPolicy.maxLength',
        'must be a whole number from passwordPolicy.minLength to 4096',
      );
    }
    return { ...raw, minLength, maxLength };
  },
};
