import type { AuthTokenOptions, ResolvedAuthTokenOptions, UserFieldRule } from './auth-token-options.interface.js';
import type { KnownKeys } from './option-keys.js';

/** The options the core resolves itself, before any feature's group. */
export type CoreOptionName =
  | 'userFields'
  | 'userStore'
  | 'userSerializer'
  | 'secret'
  | 'tokens'
  | 'scopes'
  | 'scrypt'
  | 'passwordHasher'
  | 'realm'
  | 'clock'
  | 'routePrefix'
  | 'mailer'
  | 'mailRetryDelays'
  | 'trustedOrigins';

/** The resolved core options a feature's group may read (another group's prefix, say). */
export type CoreOptions = Pick<ResolvedAuthTokenOptions, CoreOptionName>;

/** The name of a feature's group of options. */
export type FeatureOptionName = Exclude<keyof ResolvedAuthTokenOptions & keyof AuthTokenOptions, CoreOptionName>;

/**
 * A feature's group of options, kept in one file of the feature beside the group's type (which the file adds to
 * AuthTokenOptions and ResolvedAuthTokenOptions) and its defaults: adding an option touches that file only.
 */
export interface OptionGroup<K extends FeatureOptionName = FeatureOptionName> {
  /** The group's name at the top level of the options. */
  readonly name: K;
  /** Its keys, for the check that refuses misspelt options. */
  readonly keys: KnownKeys;
  /** The group with its defaults applied, validated: a bad value throws AuthTokenConfigError naming it. */
  resolve(raw: AuthTokenOptions[K] | undefined, core: CoreOptions): ResolvedAuthTokenOptions[K];
  /** What the group, as resolved, needs of the User entity: a field it renames, or one that must be a column. */
  userFields?(resolved: ResolvedAuthTokenOptions[K]): UserFieldRule[];
}
