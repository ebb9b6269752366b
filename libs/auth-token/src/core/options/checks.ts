import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import type { MailContext, MailTemplate } from '../mail/mail-templates.js';
import { AUTH_TOKEN_DEFAULTS } from './auth-token-defaults.js';
import type { AuthTokenMailOptions, ResolvedMailOptions } from './auth-token-options.interface.js';

// The checks behind the options: each names the option it refuses (AuthTokenConfigError), so that a bad value
// stops start-up with one line saying what to change.

export const PROPERTY_NAME = /^[A-Za-z_$][\w$]*$/;

/** The one check behind every numeric option; a string (as `ConfigService.get` returns) is named as such. */
export function checkNumber(option: string, value: unknown, ok: (value: number) => boolean, expected: string): number {
  if (typeof value === 'string') {
    throw new AuthTokenConfigError(
      option,
      `must be ${expected}, not the string "${value}" (configuration values are strings: convert with Number())`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value))
    throw new AuthTokenConfigError(option, `must be ${expected} (got ${String(value)})`);
  return value;
}

export const positiveSeconds = (option: string, value: unknown) =>
  checkNumber(option, value, (n) => n > 0, 'a positive number of seconds');
export const nonNegativeSeconds = (option: string, value: unknown) =>
  checkNumber(option, value, (n) => n >= 0, 'zero or a positive number of seconds');
export const wholeNumber = (option: string, value: unknown, min = 1) =>
  checkNumber(option, value, (n) => Number.isInteger(n) && n >= min, `a whole number of at least ${min}`);

export function flag(option: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new AuthTokenConfigError(option, `must be true or false (got ${String(value)})`);
  return value;
}

export function httpUrl(option: string, value: unknown): URL {
  try {
    const url = new URL(String(value));
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new AuthTokenConfigError(option, `must be an absolute http(s) URL (got ${String(value)})`);
}

/** A redirect must stay on our side: a relative path, or a URL on the base URL's origin (no open redirect). */
export function safeRedirect(option: string, value: unknown, base: URL | undefined): string {
  if (typeof value !== 'string' || value === '') throw new AuthTokenConfigError(option, 'must be a path or URL');
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value;
  let target: URL | undefined;
  try {
    target = new URL(value);
  } catch {
    throw new AuthTokenConfigError(
      option,
      `must be a path starting with / or a URL on emailConfirm.baseUrl's origin (got ${value})`,
    );
  }
  if (!base || target.origin !== base.origin) {
    throw new AuthTokenConfigError(
      option,
      `points to another origin (${target.origin}); use a relative path or emailConfirm.baseUrl's origin`,
    );
  }
  return target.href;
}

/** A mail group's templates merged over `fallback` (the default locale's), checked; `C` is what templates may use. */
export function resolveMail<C extends object = MailContext>(
  option: string,
  raw: Omit<AuthTokenMailOptions, 'templates'> & { templates?: Record<string, Partial<MailTemplate<C>>> },
  fallback: MailTemplate<C>,
): ResolvedMailOptions<C> {
  const defaultLocale = raw.defaultLocale ?? AUTH_TOKEN_DEFAULTS.mail.defaultLocale;
  const given = raw.templates ?? {};
  if (typeof given !== 'object' || given === null)
    throw new AuthTokenConfigError(`${option}.templates`, 'must be an object keyed by locale');
  const base: MailTemplate<C> = { ...fallback, ...(raw.subject ? { subject: raw.subject } : {}) };
  const templates: Record<string, MailTemplate<C>> = { [defaultLocale]: { ...base, ...given[defaultLocale] } };
  for (const [locale, template] of Object.entries(given)) {
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(locale)) {
      throw new AuthTokenConfigError(`${option}.templates`, `has an invalid locale key "${locale}"`);
    }
    // A locale with its own text but no HTML must not inherit the default HTML in another language.
    templates[locale] = { ...base, ...(template.text ? { html: undefined } : {}), ...template };
  }
  for (const [locale, template] of Object.entries(templates)) {
    for (const key of ['subject', 'text'] as const) {
      if (typeof template[key] !== 'string' && typeof template[key] !== 'function') {
        throw new AuthTokenConfigError(`${option}.templates.${locale}.${key}`, 'must be a string or a function');
      }
    }
  }
  return { from: raw.from, templates, defaultLocale };
}

export const TOKEN_PREFIX = /^[A-Za-z][A-Za-z0-9]{0,15}$/;
/** A scope name: letters, digits and `: . _ -` (no spaces: scopes are stored and challenged space-separated). */
export const SCOPE_NAME = /^[A-Za-z0-9:._-]{1,64}$/;

export function optionalFunction<T>(option: string, value: T, method?: string): T {
  if (value === undefined) return value;
  const callable = method ? (value as Record<string, unknown> | null)?.[method] : value;
  if (typeof callable !== 'function') {
    throw new AuthTokenConfigError(option, method ? `must have a ${method}() method` : 'must be a function');
  }
  return value;
}

/** The keys every mail group has (sender, subject, templates, locale). */
export const MAIL_KEYS = { from: null, subject: null, templates: null, defaultLocale: null } as const;
