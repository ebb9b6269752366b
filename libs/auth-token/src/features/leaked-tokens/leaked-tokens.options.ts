import { flag, httpUrl, positiveSeconds, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/**
 * Ending tokens that were published by mistake: `POST /auth/tokens/leaked` for GitHub's secret-scanning partner
 * program (signed reports of tokens found in public code), and `POST /auth/tokens/revoke` for anyone who finds one.
 */
export interface AuthTokenLeakedTokensOptions {
  /** Serve both routes. @default true */
  enabled?: boolean;
  /**
   * Where the public keys that sign the reports are served, as `{"public_keys": [{"key_identifier", "key" (PEM),
   * "is_current"}]}`. Fetched when a report names a key not fetched yet (at most once per `keysRefetchInterval`).
   * @default 'https://api.github.com/meta/public_keys/secret_scanning'
   */
  keysUrl?: string;
  /** Seconds to wait for the keys before refusing the report (503). @default 5 */
  keysTimeout?: number;
  /** Least seconds between two fetches of the keys. @default 60 */
  keysRefetchInterval?: number;
  /** Requests to `POST /auth/tokens/revoke` per client IP per hour; past it 429. @default 60 */
  revokeRequestsPerHour?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Leaked-token reports and revocation by whoever finds a token. @default on, GitHub's keys */
    leakedTokens?: AuthTokenLeakedTokensOptions;
  }
  interface ResolvedAuthTokenOptions {
    leakedTokens: Required<AuthTokenLeakedTokensOptions>;
  }
}

export const LEAKED_TOKENS_DEFAULTS: Required<AuthTokenLeakedTokensOptions> = {
  enabled: true,
  keysUrl: 'https://api.github.com/meta/public_keys/secret_scanning',
  keysTimeout: 5,
  keysRefetchInterval: 60,
  revokeRequestsPerHour: 60,
};

export const leakedTokensOptions: OptionGroup<'leakedTokens'> = {
  name: 'leakedTokens',
  keys: { enabled: null, keysUrl: null, keysTimeout: null, keysRefetchInterval: null, revokeRequestsPerHour: null },
  resolve(raw = {}) {
    const leakedTokens = { ...LEAKED_TOKENS_DEFAULTS, ...raw };
    flag('leakedTokens.enabled', leakedTokens.enabled);
    return {
      enabled: leakedTokens.enabled,
      keysUrl: httpUrl('leakedTokens.keysUrl', leakedTokens.keysUrl).href,
      keysTimeout: positiveSeconds('leakedTokens.keysTimeout', leakedTokens.keysTimeout),
      keysRefetchInterval: positiveSeconds('leakedTokens.keysRefetchInterval', leakedTokens.keysRefetchInterval),
      revokeRequestsPerHour: wholeNumber('leakedTokens.revokeRequestsPerHour', leakedTokens.revokeRequestsPerHour),
    };
  },
};
