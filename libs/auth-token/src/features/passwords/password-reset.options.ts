import { DEFAULT_PASSWORD_RESET_TEMPLATE } from '../../core/mail/default-templates.js';
import type {
  AuthTokenMailOptions,
  MailGroup,
  ResolvedMailOptions,
  WithDefaults,
} from '../../core/options/auth-token-options.interface.js';
import { httpUrl, MAIL_KEYS, nonNegativeSeconds, positiveSeconds, resolveMail } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Password reset by e-mail. */
export interface AuthTokenPasswordResetOptions extends AuthTokenMailOptions {
  /** Front-end URL the reset token is appended to, e.g. `https://app.example/reset#`. Required to serve the reset routes. */
  url?: string;
  /** Seconds a reset link stays valid. @default 3600 */
  ttl?: number;
  /** Seconds before another link may be sent to the same account. @default 60 */
  requestInterval?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Password reset by e-mail. @default off (no `url`) */
    passwordReset?: AuthTokenPasswordResetOptions;
  }
  interface ResolvedAuthTokenOptions {
    passwordReset: ResolvedMailOptions & WithDefaults<MailGroup<AuthTokenPasswordResetOptions>, 'url'>;
  }
}

export const PASSWORD_RESET_DEFAULTS = { ttl: 3600, requestInterval: 60 } as const;

export const passwordResetOptions: OptionGroup<'passwordReset'> = {
  name: 'passwordReset',
  keys: { url: null, ttl: null, requestInterval: null, ...MAIL_KEYS },
  userFields: ({ url }) =>
    url === undefined ? [] : [{ field: 'email', requiredWhen: 'passwordReset.url is set (reset links go to it)' }],
  resolve: (raw = {}) => ({
    ...resolveMail('passwordReset', raw, DEFAULT_PASSWORD_RESET_TEMPLATE),
    url: raw.url === undefined ? undefined : httpUrl('passwordReset.url', raw.url).href,
    ttl: positiveSeconds('passwordReset.ttl', raw.ttl ?? PASSWORD_RESET_DEFAULTS.ttl),
    requestInterval: nonNegativeSeconds(
      'passwordReset.requestInterval',
      raw.requestInterval ?? PASSWORD_RESET_DEFAULTS.requestInterval,
    ),
  }),
};
