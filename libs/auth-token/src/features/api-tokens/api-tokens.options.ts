import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { flag, positiveSeconds, TOKEN_PREFIX, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Personal access tokens ("API tokens") that users create for scripts and CI: named, scoped, fixed expiry. */
export interface AuthTokenApiTokenOptions {
  /**
   * Serve `/auth/tokens` and accept API tokens. Off, the routes answer 404 and a token with the API prefix never
   * authenticates. @default false
   */
  enabled?: boolean;
  /** Lifetime in seconds when the user chooses none. @default 7776000 (90 days) */
  ttl?: number;
  /** Longest lifetime a user may choose, in seconds. @default 31536000 (365 days) */
  maxTtl?: number;
  /** Most live API tokens per user; creating one more answers 409. @default 100 */
  maxPerUser?: number;
  /** Letters/digits in front of every API token, unlike a login token's, so scanners and logs tell them apart. @default 'natapi' */
  prefix?: string;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** API tokens (personal access tokens): on/off, lifetimes, limit, prefix. @default off */
    apiTokens?: AuthTokenApiTokenOptions;
  }
  interface ResolvedAuthTokenOptions {
    apiTokens: Required<AuthTokenApiTokenOptions>;
  }
}

export const API_TOKEN_DEFAULTS: Required<AuthTokenApiTokenOptions> = {
  enabled: false,
  ttl: 7_776_000,
  maxTtl: 31_536_000,
  maxPerUser: 100,
  prefix: 'natapi',
};

export const apiTokenOptions: OptionGroup<'apiTokens'> = {
  name: 'apiTokens',
  keys: { enabled: null, ttl: null, maxTtl: null, maxPerUser: null, prefix: null },
  resolve(raw = {}, { tokens }) {
    const apiTokens = { ...API_TOKEN_DEFAULTS, ...raw };
    flag('apiTokens.enabled', apiTokens.enabled);
    positiveSeconds('apiTokens.ttl', apiTokens.ttl);
    positiveSeconds('apiTokens.maxTtl', apiTokens.maxTtl);
    if (apiTokens.ttl > apiTokens.maxTtl)
      throw new AuthTokenConfigError(
        'apiTokens.ttl',
        `must be at most apiTokens.maxTtl (${apiTokens.maxTtl}), got ${apiTokens.ttl}`,
      );
    wholeNumber('apiTokens.maxPerUser', apiTokens.maxPerUser);
    if (typeof apiTokens.prefix !== 'string' || !TOKEN_PREFIX.test(apiTokens.prefix)) {
      throw new AuthTokenConfigError('apiTokens.prefix', 'must be 1-16 letters or digits, starting with a letter');
    }
    if (apiTokens.prefix === tokens.prefix) {
      throw new AuthTokenConfigError(
        'apiTokens.prefix',
        `must differ from tokens.prefix ("${tokens.prefix}"), so the two kinds can be told apart`,
      );
    }
    return apiTokens;
  },
};
