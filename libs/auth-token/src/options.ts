// Each feature's options file adds its group to AuthTokenOptions; these imports carry the additions into the
// declaration files a host compiles against.
import './features/api-tokens/api-tokens.options.js';
import './features/cleanup/cleanup.options.js';
import './features/passkeys/passkeys.options.js';
import './features/passwords/password-policy.options.js';
import './features/passwords/password-reset.options.js';
import './features/registration/email-confirmation.options.js';
import './core/options/reauthentication.options.js';
import './features/registration/registration.options.js';
import './features/security-log/security-log.options.js';
import './features/security-notices/security-notices.options.js';
import './features/leaked-tokens/leaked-tokens.options.js';
import './features/throttling/throttling.options.js';
import './features/two-factor/two-factor.options.js';
import { apiTokenOptions } from './features/api-tokens/api-tokens.options.js';
import { cleanupOptions } from './features/cleanup/cleanup.options.js';
import { passkeysOptions } from './features/passkeys/passkeys.options.js';
import { passwordPolicyOptions } from './features/passwords/password-policy.options.js';
import { passwordResetOptions } from './features/passwords/password-reset.options.js';
import { emailConfirmOptions } from './features/registration/email-confirmation.options.js';
import { reauthenticationOptions } from './core/options/reauthentication.options.js';
import { registrationOptions } from './features/registration/registration.options.js';
import { throttleOptions } from './features/throttling/throttling.options.js';
import { mfaOptions } from './features/two-factor/two-factor.options.js';
import { securityLogOptions } from './features/security-log/security-log.options.js';
import { securityNoticesOptions } from './features/security-notices/security-notices.options.js';
import { leakedTokensOptions } from './features/leaked-tokens/leaked-tokens.options.js';
import type { AuthTokenOptions, ResolvedAuthTokenOptions } from './core/options/auth-token-options.interface.js';
import type { OptionGroup } from './core/options/option-group.js';

export type {
  AuthTokenModuleAsyncOptions,
  AuthTokenModuleExtras,
  AuthTokenModuleOptions,
  AuthTokenOptions,
} from './core/options/auth-token-options.interface.js';
import { assertKnownAsyncKeys, CORE_OPTION_KEYS, type KnownKeys } from './core/options/option-keys.js';
import { resolveOptions } from './core/options/resolve-options.js';

/** Every feature's group of options; the core resolves its own first. */
const OPTION_GROUPS: readonly OptionGroup[] = [
  apiTokenOptions,
  reauthenticationOptions,
  mfaOptions,
  passkeysOptions,
  registrationOptions,
  emailConfirmOptions,
  passwordPolicyOptions,
  passwordResetOptions,
  cleanupOptions,
  throttleOptions,
  securityLogOptions,
  securityNoticesOptions,
  leakedTokensOptions,
];

/** Every option key the module takes, the core's and the features'. */
export const KNOWN_OPTION_KEYS: KnownKeys = {
  ...CORE_OPTION_KEYS,
  ...Object.fromEntries(OPTION_GROUPS.map((group) => [group.name, group.keys])),
};

/**
 * Applies the defaults to the raw module options and validates them, so that `forRoot` and `forRootAsync`
 * behave the same. A bad option throws AuthTokenConfigError naming it, which stops the app's boot.
 */
export function resolveAuthTokenOptions(
  raw: AuthTokenOptions | undefined,
  routePrefix = 'auth',
): ResolvedAuthTokenOptions {
  return resolveOptions(raw, routePrefix, OPTION_GROUPS, KNOWN_OPTION_KEYS);
}

/** Refuses a top-level key of `forRootAsync()` it does not take, with the nearest known one. */
export const assertKnownForRootAsyncKeys = (raw: object) => assertKnownAsyncKeys(raw, KNOWN_OPTION_KEYS);
