import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import { DEFAULT_CONFIRMATION_TEMPLATE } from '../../core/mail/default-templates.js';
import type {
  AuthTokenMailOptions,
  MailGroup,
  ResolvedMailOptions,
  UserProperty,
  WithDefaults,
} from '../../core/options/auth-token-options.interface.js';
import {
  httpUrl,
  MAIL_KEYS,
  nonNegativeSeconds,
  positiveSeconds,
  PROPERTY_NAME,
  resolveMail,
  safeRedirect,
} from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** E-mail confirmation after registration, with expiring links. */
export interface AuthTokenEmailConfirmOptions<TUser extends object = object> extends AuthTokenMailOptions {
  /** Require a confirmed e-mail address: registration needs `email`, sends a link, login answers 403 until confirmed. @default false */
  enabled?: boolean;
  /** Boolean user property set on confirmation (may be the isActive field). @default userFields.emailConfirmed */
  field?: UserProperty<TUser>;
  /** Seconds a confirmation link stays valid. @default 86400 */
  ttl?: number;
  /** Origin (and optional path) put in front of `/auth/register/confirm/<token>`. Required when enabled. */
  baseUrl?: string;
  /** Where confirmation redirects: a relative path or a URL on `baseUrl`'s origin. */
  redirect?: {
    /** After a successful (or repeated) confirmation. @default '/' */
    success?: string;
    /** After an invalid, expired or voided link; unset: 400 with a plain-text message. */
    invalid?: string;
  };
  /** Seconds before another link may be sent to the same account (`/auth/register/resend`). @default 60 */
  resendInterval?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions<TUser extends object = object> {
    /** E-mail confirmation. @default off */
    emailConfirm?: AuthTokenEmailConfirmOptions<TUser>;
  }
  interface ResolvedAuthTokenOptions {
    emailConfirm: ResolvedMailOptions &
      WithDefaults<Omit<MailGroup<AuthTokenEmailConfirmOptions>, 'redirect'>, 'field' | 'baseUrl'> & {
        redirect: WithDefaults<NonNullable<AuthTokenEmailConfirmOptions['redirect']>, 'invalid'>;
      };
  }
}

export const EMAIL_CONFIRM_DEFAULTS = {
  enabled: false,
  ttl: 86_400,
  redirect: { success: '/' },
  resendInterval: 60,
} as const;

export const emailConfirmOptions: OptionGroup<'emailConfirm'> = {
  name: 'emailConfirm',
  keys: {
    enabled: null,
    field: null,
    ttl: null,
    baseUrl: null,
    redirect: { success: null, invalid: null },
    resendInterval: null,
    ...MAIL_KEYS,
  },
  userFields: ({ enabled, field }) => [
    ...(field ? [{ field: 'emailConfirmed' as const, property: field, option: 'emailConfirm.field' }] : []),
    ...(enabled
      ? (['email', 'emailConfirmed'] as const).map((name) => ({
          field: name,
          requiredWhen: 'emailConfirm.enabled is true',
        }))
      : []),
  ],
  resolve(raw = {}) {
    const defaults = EMAIL_CONFIRM_DEFAULTS;
    const enabled = raw.enabled ?? defaults.enabled;
    const base = raw.baseUrl === undefined ? undefined : httpUrl('emailConfirm.baseUrl', raw.baseUrl);
    if (enabled && !base)
      throw new AuthTokenConfigError('emailConfirm.baseUrl', 'is required when emailConfirm.enabled is true');
    if (raw.field !== undefined && (typeof raw.field !== 'string' || !PROPERTY_NAME.test(raw.field))) {
      throw new AuthTokenConfigError(
        'emailConfirm.field',
        `must be a property name of the User entity (got ${String(raw.field)})`,
      );
    }
    return {
      ...resolveMail('emailConfirm', raw, DEFAULT_CONFIRMATION_TEMPLATE),
      enabled,
      field: raw.field,
      ttl: positiveSeconds('emailConfirm.ttl', raw.ttl ?? defaults.ttl),
      baseUrl: base?.href.replace(/\/+$/, ''),
      redirect: {
        success: safeRedirect(
          'emailConfirm.redirect.success',
          raw.redirect?.success ?? defaults.redirect.success,
          base,
        ),
        invalid:
          raw.redirect?.invalid === undefined
            ? undefined
            : safeRedirect('emailConfirm.redirect.invalid', raw.redirect.invalid, base),
      },
      resendInterval: nonNegativeSeconds('emailConfirm.resendInterval', raw.resendInterval ?? defaults.resendInterval),
    };
  },
};
