import { flag, positiveSeconds, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Each user's log of security events (`GET /auth/security-log`). */
export interface AuthTokenSecurityLogOptions {
  /** Record the events and serve `GET /auth/security-log`. @default true */
  enabled?: boolean;
  /** Seconds an entry is kept; the purge job deletes older ones. @default 7776000 (90 days) */
  retention?: number;
  /**
   * Most `login_failed` entries one account gets per hour: failed logins go to the log of the account they name,
   * so without a bound anyone could fill a user's log (and push the real entries out of view) with guesses.
   * @default 10
   */
  maxFailedLoginsPerHour?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** The users' security logs. @default on, kept 90 days */
    securityLog?: AuthTokenSecurityLogOptions;
  }
  interface ResolvedAuthTokenOptions {
    securityLog: Required<AuthTokenSecurityLogOptions>;
  }
}

export const SECURITY_LOG_DEFAULTS: Required<AuthTokenSecurityLogOptions> = {
  enabled: true,
  retention: 90 * 86_400,
  maxFailedLoginsPerHour: 10,
};

export const securityLogOptions: OptionGroup<'securityLog'> = {
  name: 'securityLog',
  keys: { enabled: null, retention: null, maxFailedLoginsPerHour: null },
  resolve(raw = {}) {
    const securityLog = { ...SECURITY_LOG_DEFAULTS, ...raw };
    flag('securityLog.enabled', securityLog.enabled);
    positiveSeconds('securityLog.retention', securityLog.retention);
    wholeNumber('securityLog.maxFailedLoginsPerHour', securityLog.maxFailedLoginsPerHour, 0);
    return securityLog;
  },
};
