import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import type { MailTemplate } from '../../core/mail/mail-templates.js';
import type { ResolvedMailOptions } from '../../core/options/auth-token-options.interface.js';
import { flag, positiveSeconds, resolveMail, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';
import {
  DEFAULT_SECURITY_NOTICE_TEMPLATES,
  type SecurityNoticeContext,
  type SecurityNoticeKind,
} from './security-notice.templates.js';

/**
 * Mails to a user about what happens to their account: a sign-in from a new device, password and second-factor
 * changes, new API tokens and passkeys, leaked tokens. Users cannot turn them off (a thief holding the account
 * must not be able to silence them); the host can.
 */
export interface AuthTokenSecurityNoticesOptions {
  /** Mail the notices at all. @default true */
  enabled?: boolean;
  /** Mail a sign-in from a device (browser and operating system) the account has not used within `deviceMemory`. @default true */
  newDevice?: boolean;
  /** Seconds a device stays known after its last sign-in. @default 7776000 (90 days) */
  deviceMemory?: number;
  /** Most notices one address gets per `throttle.window`, so that nobody holding an account can flood its owner. @default 20 */
  maxPerAddress?: number;
  /** Sender address. @default `passwordReset.from`, else `emailConfirm.from`, else the mailer's default */
  from?: string;
  /** Templates of each notice by locale (`{ newSignIn: { de: {...} } }`); the request's Accept-Language picks one. @default English */
  templates?: { [K in SecurityNoticeKind]?: Record<string, Partial<MailTemplate<SecurityNoticeContext>>> };
  /** Locale used when none of the accepted languages has a template. @default 'en' */
  defaultLocale?: string;
}

export interface ResolvedSecurityNoticesOptions extends Required<
  Pick<AuthTokenSecurityNoticesOptions, 'enabled' | 'newDevice' | 'deviceMemory' | 'maxPerAddress'>
> {
  from?: string;
  mails: Record<SecurityNoticeKind, ResolvedMailOptions<SecurityNoticeContext>>;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Security notices mailed to users. @default on, new-device notice included */
    securityNotices?: AuthTokenSecurityNoticesOptions;
  }
  interface ResolvedAuthTokenOptions {
    securityNotices: ResolvedSecurityNoticesOptions;
  }
}

export const SECURITY_NOTICES_DEFAULTS = {
  enabled: true,
  newDevice: true,
  deviceMemory: 90 * 86_400,
  maxPerAddress: 20,
} as const;

const KINDS = Object.keys(DEFAULT_SECURITY_NOTICE_TEMPLATES) as SecurityNoticeKind[];

export const securityNoticesOptions: OptionGroup<'securityNotices'> = {
  name: 'securityNotices',
  keys: {
    enabled: null,
    newDevice: null,
    deviceMemory: null,
    maxPerAddress: null,
    from: null,
    templates: Object.fromEntries(KINDS.map((kind) => [kind, null])),
    defaultLocale: null,
  },
  resolve(raw = {}) {
    const { from, templates = {}, defaultLocale } = raw;
    if (typeof templates !== 'object' || templates === null)
      throw new AuthTokenConfigError('securityNotices.templates', 'must be an object keyed by notice');
    const mails = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        resolveMail<SecurityNoticeContext>(
          `securityNotices.templates.${kind}`,
          { from, defaultLocale, templates: templates[kind] },
          DEFAULT_SECURITY_NOTICE_TEMPLATES[kind],
        ),
      ]),
    ) as Record<SecurityNoticeKind, ResolvedMailOptions<SecurityNoticeContext>>;
    return {
      enabled: flag('securityNotices.enabled', raw.enabled ?? SECURITY_NOTICES_DEFAULTS.enabled),
      newDevice: flag('securityNotices.newDevice', raw.newDevice ?? SECURITY_NOTICES_DEFAULTS.newDevice),
      deviceMemory: positiveSeconds(
        'securityNotices.deviceMemory',
        raw.deviceMemory ?? SECURITY_NOTICES_DEFAULTS.deviceMemory,
      ),
      maxPerAddress: wholeNumber(
        'securityNotices.maxPerAddress',
        raw.maxPerAddress ?? SECURITY_NOTICES_DEFAULTS.maxPerAddress,
      ),
      from,
      mails,
    };
  },
};
