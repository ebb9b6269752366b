import { flag } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** `POST /auth/register`. */
export interface AuthTokenRegistrationOptions {
  /** Serve the registration routes; when false every `/auth/register*` route answers 404. @default false */
  enabled?: boolean;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Registration (`POST /auth/register`). @default off */
    registration?: AuthTokenRegistrationOptions;
  }
  interface ResolvedAuthTokenOptions {
    registration: Required<AuthTokenRegistrationOptions>;
  }
}

export const REGISTRATION_DEFAULTS: Required<AuthTokenRegistrationOptions> = { enabled: false };

export const registrationOptions: OptionGroup<'registration'> = {
  name: 'registration',
  keys: { enabled: null },
  resolve(raw = {}) {
    const enabled = raw.enabled ?? REGISTRATION_DEFAULTS.enabled;
    return { enabled: flag('registration.enabled', enabled) };
  },
};
