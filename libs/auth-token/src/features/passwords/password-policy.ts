import { isCommonPassword } from './common-passwords.js';
import { PwnedPasswordChecker, type PwnedPasswordCheckerOptions } from './pwned-password-checker.js';
import { PASSWORDS_MESSAGES } from './passwords.messages.js';

/** Rules a new password must follow (registration, change, reset). */
export interface PasswordPolicyOptions {
  /** Fewest characters (Unicode code points). @default 8 (NIST SP 800-63B) */
  minLength?: number;
  /** Most characters; a bound keeps hashing cheap and predictable. @default 128 */
  maxLength?: number;
  /** Refuse a password equal to the username or e-mail address, ignoring case. @default true */
  rejectUserAttributes?: boolean;
  /** Refuse the 10,000 most common passwords (plus any given here). @default true */
  rejectCommon?: boolean | string[];
  /**
   * Also refuse passwords known from breaches, asking the Have I Been Pwned range API (k-anonymity: only the
   * first five hex digits of the password's SHA-1 leave the server). `true` for the defaults, or its settings.
   * Fails open: when the API is slow or down the password passes and one warning is logged. @default false
   */
  breachedPasswords?: boolean | PwnedPasswordCheckerOptions;
}

/** What the policy knows about the account whose password is checked. */
export interface PasswordContext {
  username?: string | null;
  email?: string | null;
}

/** The password rules' messages (also `PASSWORDS_MESSAGES.password`). */
export const PASSWORD_MESSAGES = PASSWORDS_MESSAGES.password;

/**
 * Checks a new password; resolves to the list of broken rules (empty when the password is acceptable), so a
 * client can show them all at once.
 */
export class PasswordPolicy {
  private readonly minLength: number;
  private readonly maxLength: number;
  private readonly rejectUserAttributes: boolean;
  private readonly extraCommon: ReadonlySet<string>;
  private readonly rejectCommon: boolean;
  private readonly breached?: PwnedPasswordChecker;

  constructor(options: PasswordPolicyOptions = {}) {
    this.minLength = options.minLength ?? 8;
    this.maxLength = options.maxLength ?? 128;
    this.rejectUserAttributes = options.rejectUserAttributes ?? true;
    this.rejectCommon = options.rejectCommon !== false;
    this.extraCommon = new Set(
      Array.isArray(options.rejectCommon) ? options.rejectCommon.map((word) => word.toLowerCase()) : [],
    );
    const { breachedPasswords } = options;
    if (breachedPasswords)
      this.breached = new PwnedPasswordChecker(breachedPasswords === true ? {} : breachedPasswords);
  }

  /**
   * Every rule, the breach check included when `breachedPasswords` is on (asked only for a password that
   * passes the offline rules). Resolves to the broken rules' messages.
   */
  async problems(password: string, context: PasswordContext = {}): Promise<string[]> {
    const problems = this.check(password, context);
    if (problems.length === 0 && this.breached && (await this.breached.isBreached(password)))
      problems.push(PASSWORD_MESSAGES.breached);
    return problems;
  }

  /** The offline rules only (length, user attributes, common passwords): no network. */
  check(password: string, context: PasswordContext = {}): string[] {
    const problems: string[] = [];
    const length = [...password.normalize('NFKC')].length;
    if (length < this.minLength) problems.push(PASSWORD_MESSAGES.tooShort(this.minLength));
    if (length > this.maxLength) problems.push(PASSWORD_MESSAGES.tooLong(this.maxLength));
    const lower = password.toLowerCase();
    const attributes = [context.username, context.email, context.email?.split('@')[0]];
    if (this.rejectUserAttributes && attributes.some((value) => value && value.toLowerCase() === lower)) {
      problems.push(PASSWORD_MESSAGES.similar);
    }
    if (this.rejectCommon && (isCommonPassword(password) || this.extraCommon.has(lower)))
      problems.push(PASSWORD_MESSAGES.common);
    return problems;
  }
}
