import { isIP } from 'node:net';

/** Where the demo keeps its users and tokens. */
export type DemoDatabase = { type: 'sqlite'; file: string } | { type: 'postgres'; url: string };

/** The demo's configuration, read from the environment variables of ../shared/CONTRACT.md. */
export interface DemoConfig {
  port: number;
  host: string;
  database: DemoDatabase;
  registration: boolean;
  emailConfirm: boolean;
  tokenTtl: number;
  tokenMaxTtl: number;
  confirmTtl: number;
  confirmBaseUrl: string;
  confirmRedirect: string;
  confirmInvalidRedirect?: string;
  smtpUrl?: string;
  mailFrom: string;
  corsOrigins: string[];
  passwordResetUrl: string;
  /** scrypt cost N (AUTH_SCRYPT_COST, an addition to the contract): lower it only for tests and benchmarks. */
  scryptCost: number;
  /** Seconds tokens stay in the in-process cache (AUTH_TOKEN_CACHE_TTL, an addition to the contract); 0: off. */
  tokenCacheTtl: number;
  /** Seconds before /auth/register/resend mails the same account again (AUTH_CONFIRM_RESEND_INTERVAL). */
  confirmResendInterval: number;
  /** Base64 or hex of 32 bytes encrypting TOTP secrets (AUTH_MFA_ENCRYPTION_KEY, an addition); unset: a key file. */
  mfaEncryptionKey: string | undefined;
  /** Default lifetime of an API token in seconds (AUTH_API_TOKEN_TTL). */
  apiTokenTtl: number;
  /** Longest lifetime a user may choose for an API token (AUTH_API_TOKEN_MAX_TTL). */
  apiTokenMaxTtl: number;
  /** Seconds a proof of identity allows creating credentials (AUTH_REAUTH_WINDOW). */
  reauthWindow: number;
  /** Where the keys that sign leaked-token reports are fetched (AUTH_SECRET_SCANNING_KEYS_URL). */
  secretScanningKeysUrl: string;
  /**
   * Express's `trust proxy` setting (TRUST_PROXY): `false` (unset) uses the socket's address and ignores
   * X-Forwarded-For; `true` trusts every hop; a number trusts that many hops; a list names the trusted proxies
   * (addresses, CIDRs, or `loopback`, `linklocal`, `uniquelocal`).
   */
  trustProxy: TrustProxy;
  /** The HTTP platform the demo runs on (HTTP_ADAPTER); everything the CONTRACT says holds on both. */
  httpAdapter: HttpAdapterName;
  /** Relying-party ID of passkeys (AUTH_WEBAUTHN_RP_ID): a domain, never an IP address. */
  webauthnRpId: string;
  /** Origins passkey ceremonies may come from (AUTH_WEBAUTHN_ORIGINS). */
  webauthnOrigins: string[];
}

/** The HTTP platforms the demo runs on: Nest's ExpressAdapter or FastifyAdapter. */
export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number];

/** A value Express accepts for `app.set('trust proxy', value)`. */
export type TrustProxy = boolean | number | string[];

/** A bad environment variable; its message is the one line printed before exiting with code 1. */
export class DemoConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid ${variable}: ${problem}`);
    this.name = 'DemoConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new DemoConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function apiTokenLifetimes(env: Env): { apiTokenTtl: number; apiTokenMaxTtl: number } {
  const apiTokenMaxTtl = integer(env, 'AUTH_API_TOKEN_MAX_TTL', 31_536_000, 1);
  const apiTokenTtl = integer(env, 'AUTH_API_TOKEN_TTL', Math.min(7_776_000, apiTokenMaxTtl), 1);
  if (apiTokenTtl > apiTokenMaxTtl) {
    throw new DemoConfigError(
      'AUTH_API_TOKEN_TTL',
      `must be at most AUTH_API_TOKEN_MAX_TTL (${apiTokenMaxTtl}), got "${apiTokenTtl}"`,
    );
  }
  return { apiTokenTtl, apiTokenMaxTtl };
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new DemoConfigError(name, `expected true or false, got "${env[name]}"`);
}

function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DemoConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DemoConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  return url;
}

function database(raw: string): DemoDatabase {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (!file) throw new DemoConfigError('DATABASE_URL', 'sqlite: needs a file name or :memory:');
    return { type: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new DemoConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { type: 'postgres', url: raw };
  }
  const scheme = raw.includes(':') ? `"${raw.slice(0, raw.indexOf(':'))}"` : 'none';
  throw new DemoConfigError(
    'DATABASE_URL',
    `unknown scheme ${scheme}; use sqlite:<file>, sqlite::memory: or postgres://...`,
  );
}

/** A redirect target must stay on the demo's own origin: a relative path or a URL on the base URL's origin. */
function redirect(name: string, raw: string, base: URL): string {
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\')) return raw;
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    throw new DemoConfigError(name, `expected a path starting with / or a URL on ${base.origin}, got "${raw}"`);
  }
  if (target.origin !== base.origin) {
    throw new DemoConfigError(
      name,
      `redirects to another origin (${target.origin}); only ${base.origin} or a relative path is allowed`,
    );
  }
  return target.href;
}

function mailAddress(name: string, raw: string): string {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(raw) && !/^[^<>]*<[^\s<>@]+@[^\s<>@]+>$/.test(raw)) {
    throw new DemoConfigError(name, `expected an e-mail address, got "${raw}"`);
  }
  return raw;
}

/** Express's (proxy-addr's) names for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address or CIDR as proxy-addr accepts it (a prefix from 1 to 32 or 128; no zone index). */
function proxyAddress(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = address.includes('%') ? 0 : isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY, parsed here rather than handed to Express as a string: Express would read `true` as an address
 * and fail at start-up with a stack trace, and `1` as a list rather than a hop count.
 */
function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '') return false;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) {
    if (!Number.isSafeInteger(Number(value)))
      throw new DemoConfigError('TRUST_PROXY', `hop count too large: "${value}"`);
    return Number(value);
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !PROXY_RANGE_NAMES.has(entry.toLowerCase()) && !proxyAddress(entry));
  if (bad !== undefined) {
    throw new DemoConfigError(
      'TRUST_PROXY',
      `expected true, false, a hop count, or comma-separated addresses/CIDRs or loopback, linklocal, uniquelocal; "${bad}" is none of these`,
    );
  }
  return entries.map((entry) => (PROXY_RANGE_NAMES.has(entry.toLowerCase()) ? entry.toLowerCase() : entry));
}

function httpAdapter(raw: string | undefined): HttpAdapterName {
  const value = raw?.trim().toLowerCase() || 'express';
  const known = HTTP_ADAPTERS.find((name) => name === value);
  if (known === undefined) throw new DemoConfigError('HTTP_ADAPTER', `expected express or fastify, got "${raw}"`);
  return known;
}

/** A domain name in ASCII: dot-separated labels of letters, digits and inner hyphens. */
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * AUTH_WEBAUTHN_RP_ID and AUTH_WEBAUTHN_ORIGINS, checked here so that a mistake names its variable (the library
 * would name its option): the RP ID is a domain, never an IP address, and the host of every origin or a suffix
 * of it on a label boundary.
 */
function webauthn(env: Env, port: number): { webauthnRpId: string; webauthnOrigins: string[] } {
  const rpId = (env.AUTH_WEBAUTHN_RP_ID?.trim() || 'localhost').toLowerCase();
  if (isIP(rpId.replace(/^\[|\]$/g, '')) !== 0 || /^[\d.]+$/.test(rpId))
    throw new DemoConfigError('AUTH_WEBAUTHN_RP_ID', `must be a domain name, never an IP address, got "${rpId}"`);
  if (!DOMAIN.test(rpId))
    throw new DemoConfigError('AUTH_WEBAUTHN_RP_ID', `expected a domain name such as example.com, got "${rpId}"`);
  const origins = (env.AUTH_WEBAUTHN_ORIGINS?.trim() || `http://localhost:${port}`)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = httpUrl('AUTH_WEBAUTHN_ORIGINS', origin);
      if (url.origin !== origin.replace(/\/$/, ''))
        throw new DemoConfigError(
          'AUTH_WEBAUTHN_ORIGINS',
          `"${origin}" is not an origin (scheme://host[:port], no path)`,
        );
      const host = url.hostname;
      const serves = host === rpId || (host.endsWith(`.${rpId}`) && (rpId.includes('.') || rpId === 'localhost'));
      if (!serves)
        throw new DemoConfigError(
          'AUTH_WEBAUTHN_RP_ID',
          `"${rpId}" must be the host of every origin of AUTH_WEBAUTHN_ORIGINS or a suffix of it, not of ${url.origin}`,
        );
      return url.origin;
    });
  if (origins.length === 0) throw new DemoConfigError('AUTH_WEBAUTHN_ORIGINS', 'lists no origin');
  return { webauthnRpId: rpId, webauthnOrigins: origins };
}

/** Reads and validates every variable; the first bad one throws a {@link DemoConfigError}. */
export function loadDemoConfig(env: Env = process.env): DemoConfig {
  const port = integer(env, 'PORT', 3000, 0, 65_535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const db = database(env.DATABASE_URL?.trim() || 'sqlite:data/demo.sqlite');
  const tokenTtl = integer(env, 'AUTH_TOKEN_TTL', 86_400, 1);
  const tokenMaxTtl = integer(env, 'AUTH_TOKEN_MAX_TTL', 2_592_000, 1);
  if (tokenMaxTtl < tokenTtl) {
    throw new DemoConfigError(
      'AUTH_TOKEN_MAX_TTL',
      `must be at least AUTH_TOKEN_TTL (${tokenTtl}), got ${tokenMaxTtl}`,
    );
  }
  const base = httpUrl('AUTH_CONFIRM_BASE_URL', env.AUTH_CONFIRM_BASE_URL?.trim() || `http://localhost:${port}`);
  const confirmBaseUrl = base.href.replace(/\/+$/, '');
  const invalid = env.AUTH_CONFIRM_INVALID_REDIRECT?.trim();
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new DemoConfigError('SMTP_URL', `expected smtp://host:port or smtps://host:port, got "${smtpUrl}"`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = httpUrl('CORS_ORIGINS', origin);
      if (url.origin !== origin.replace(/\/$/, '')) {
        throw new DemoConfigError('CORS_ORIGINS', `"${origin}" is not an origin (scheme://host[:port], no path)`);
      }
      return url.origin;
    });
  const resetUrl = env.AUTH_PASSWORD_RESET_URL?.trim() || `http://localhost:${port}/#reset=`;
  httpUrl('AUTH_PASSWORD_RESET_URL', resetUrl);
  const scryptCost = integer(env, 'AUTH_SCRYPT_COST', 2 ** 17, 2, 2 ** 24);
  if ((scryptCost & (scryptCost - 1)) !== 0) {
    throw new DemoConfigError('AUTH_SCRYPT_COST', `must be a power of two, got ${scryptCost}`);
  }
  return {
    port,
    host,
    database: db,
    registration: boolean(env, 'AUTH_REGISTRATION', true),
    emailConfirm: boolean(env, 'AUTH_EMAIL_CONFIRM', false),
    tokenTtl,
    tokenMaxTtl,
    confirmTtl: integer(env, 'AUTH_CONFIRM_TTL', 86_400, 1),
    confirmBaseUrl,
    confirmRedirect: redirect('AUTH_CONFIRM_REDIRECT', env.AUTH_CONFIRM_REDIRECT?.trim() || '/', base),
    confirmInvalidRedirect: invalid ? redirect('AUTH_CONFIRM_INVALID_REDIRECT', invalid, base) : undefined,
    smtpUrl,
    mailFrom: mailAddress('MAIL_FROM', env.MAIL_FROM?.trim() || 'noreply@localhost'),
    corsOrigins,
    passwordResetUrl: resetUrl,
    scryptCost,
    tokenCacheTtl: integer(env, 'AUTH_TOKEN_CACHE_TTL', 0, 0, 3600),
    confirmResendInterval: integer(env, 'AUTH_CONFIRM_RESEND_INTERVAL', 60, 0),
    ...apiTokenLifetimes(env),
    reauthWindow: integer(env, 'AUTH_REAUTH_WINDOW', 900, 1),
    secretScanningKeysUrl: httpUrl(
      'AUTH_SECRET_SCANNING_KEYS_URL',
      env.AUTH_SECRET_SCANNING_KEYS_URL?.trim() || 'https://api.github.com/meta/public_keys/secret_scanning',
    ).href,
    mfaEncryptionKey: env.AUTH_MFA_ENCRYPTION_KEY?.trim() || undefined,
    trustProxy: trustProxy(env.TRUST_PROXY),
    httpAdapter: httpAdapter(env.HTTP_ADAPTER),
    ...webauthn(env, port),
  };
}
