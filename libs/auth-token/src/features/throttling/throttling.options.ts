import { positiveSeconds, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/**
 * Limits on guessing and flooding. Counters live in the database (shared by instances) over fixed windows; a
 * request refused by one limit counts against no other. Past a limit the answer is 429 with `Retry-After`.
 */
export interface AuthTokenThrottleOptions {
  /** @default true */
  enabled?: boolean;
  /** Failed logins (or wrong current passwords) per account from one client IP within a window. @default 10 */
  maxFailures?: number;
  /** Failed logins per account from all addresses together: the ceiling of NIST SP 800-63B. @default 100 */
  maxPerAccount?: number;
  /** Failed logins per client IP over all accounts (spraying); also mail requests per IP. @default 100 */
  maxPerIp?: number;
  /** Registrations per client IP within a window. @default 20 */
  maxRegistrationsPerIp?: number;
  /** Mails (confirmation and reset links) sent to one address within a window, whoever asks. @default 5 */
  maxMailsPerAddress?: number;
  /**
   * Password checks and hashes (login, registration, password change, re-authentication) one client IP may have
   * running or waiting at once, per instance; past it 429 at once, so one address cannot fill the hasher's
   * queue. @default 2
   */
  maxHashingPerIp?: number;
  /** Window length in seconds. @default 900 (15 min) */
  window?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Login and mail-request throttling. @default 10 per username/address and 100 per IP every 15 minutes */
    throttle?: AuthTokenThrottleOptions;
  }
  interface ResolvedAuthTokenOptions {
    throttle: Required<AuthTokenThrottleOptions>;
  }
}

export const THROTTLE_DEFAULTS: Required<AuthTokenThrottleOptions> = {
  enabled: true,
  maxFailures: 10,
  maxPerAccount: 100,
  maxPerIp: 100,
  maxRegistrationsPerIp: 20,
  maxMailsPerAddress: 5,
  maxHashingPerIp: 2,
  window: 900,
};

const COUNTS = [
  'maxFailures',
  'maxPerAccount',
  'maxPerIp',
  'maxRegistrationsPerIp',
  'maxMailsPerAddress',
  'maxHashingPerIp',
] as const;

export const throttleOptions: OptionGroup<'throttle'> = {
  name: 'throttle',
  keys: { ...Object.fromEntries(Object.keys(THROTTLE_DEFAULTS).map((key) => [key, null])) },
  resolve(raw = {}) {
    const throttle = { ...THROTTLE_DEFAULTS, ...raw };
    for (const key of COUNTS) wholeNumber(`throttle.${key}`, throttle[key]);
    positiveSeconds('throttle.window', throttle.window);
    return throttle;
  },
};
