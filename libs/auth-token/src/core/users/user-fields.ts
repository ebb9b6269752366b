import type { EntityMetadata } from 'typeorm';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import { AUTH_TOKEN_DEFAULTS } from '../options/auth-token-defaults.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';

export type { UserFieldRule } from '../options/auth-token-options.interface.js';

/** User-entity property names, checked against the entity; optional ones are null when not in use. */
export interface UserFieldMap {
  username: string;
  canonicalUsername: string | null;
  usernameSkeleton: string | null;
  password: string;
  email: string | null;
  isActive: string | null;
  emailConfirmed: string | null;
}

const OPTIONAL_DEFAULTS = {
  canonicalUsername: 'canonicalUsername',
  usernameSkeleton: 'usernameSkeleton',
  email: 'email',
  isActive: 'isActive',
  emailConfirmed: 'emailConfirmed',
} as const;

/**
 * Checks the configured field names against the entity's columns. A field named explicitly must exist; an
 * optional field left at its default is simply not used when the entity lacks it.
 */
export function mapUserFields(
  options: Pick<ResolvedAuthTokenOptions, 'userFields' | 'userFieldRules'>,
  metadata: EntityMetadata,
): UserFieldMap {
  const renames = options.userFieldRules.filter((rule) => rule.property !== undefined);
  const fields: ResolvedAuthTokenOptions['userFields'] = {
    ...options.userFields,
    ...Object.fromEntries(renames.map((rule) => [rule.field, rule.property])),
  };
  const has = (property: string) => metadata.findColumnWithPropertyPath(property) !== undefined;
  const optionName = (field: string) => renames.find((rule) => rule.field === field)?.option ?? `userFields.${field}`;
  const defaults: Record<string, string> = { ...AUTH_TOKEN_DEFAULTS.userFields, ...OPTIONAL_DEFAULTS };
  const require = (option: string, property: string) => {
    if (!has(property)) {
      const given =
        property === defaults[option] ? `is not set, and its default "${property}"` : `names "${property}", which`;
      throw new AuthTokenConfigError(
        optionName(option),
        `${given} is not a column of the ${metadata.name} entity: set it to the property that holds the ${option}`,
      );
    }
    return property;
  };
  const optional = (option: keyof typeof OPTIONAL_DEFAULTS): string | null => {
    const configured = fields[option];
    if (configured === null) return null;
    if (configured === undefined) return has(OPTIONAL_DEFAULTS[option]) ? OPTIONAL_DEFAULTS[option] : null;
    return require(option, configured);
  };
  const map = {
    username: require('username', fields.username),
    canonicalUsername: optional('canonicalUsername'),
    usernameSkeleton: optional('usernameSkeleton'),
    password: require('password', fields.password),
    email: optional('email'),
    isActive: optional('isActive'),
    emailConfirmed: optional('emailConfirmed'),
  };
  for (const { field, requiredWhen } of options.userFieldRules) {
    if (requiredWhen !== undefined && map[field] === null) {
      throw new AuthTokenConfigError(
        optionName(field),
        `must name a column of the ${metadata.name} entity when ${requiredWhen}`,
      );
    }
  }
  return map;
}
