import { positiveSeconds } from './checks.js';
import type { OptionGroup } from './option-group.js';

/**
 * Sudo mode: creating a credential (an API token, a second factor, a passkey) needs a recent proof of identity
 * on the login token (login, or `POST /auth/reauthenticate`), so a stolen token cannot make itself lasting.
 */
export interface AuthTokenReauthenticationOptions {
  /** Seconds a proof of identity lasts for `@RequireReauthentication()` routes. @default 900 (15 min) */
  window?: number;
}

declare module './auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** How long a proof of identity allows creating credentials. @default 900 seconds */
    reauthentication?: AuthTokenReauthenticationOptions;
  }
  interface ResolvedAuthTokenOptions {
    reauthentication: Required<AuthTokenReauthenticationOptions>;
  }
}

export const REAUTHENTICATION_DEFAULTS: Required<AuthTokenReauthenticationOptions> = { window: 900 };

export const reauthenticationOptions: OptionGroup<'reauthentication'> = {
  name: 'reauthentication',
  keys: { window: null },
  resolve: (raw = {}) => ({
    window: positiveSeconds('reauthentication.window', raw.window ?? REAUTHENTICATION_DEFAULTS.window),
  }),
};
