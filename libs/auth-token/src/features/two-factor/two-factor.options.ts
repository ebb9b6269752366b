import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Two-factor login with TOTP authenticator apps and recovery codes. */
export interface AuthTokenMfaOptions {
  /**
   * 32 bytes (a Buffer, or base64 or hex text) that encrypt the TOTP secrets at rest (AES-256-GCM). Setting it
   * turns the second-factor routes on; keep it out of the database's backups. Changing it voids every secret.
   * @default unset (two-factor login off: its routes answer 404)
   */
  encryptionKey?: string | Buffer;
  /** The issuer authenticator apps show beside the account. @default 'nestjs-auth-token' */
  issuer?: string;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Two-factor login (TOTP). @default off (no `encryptionKey`) */
    mfa?: AuthTokenMfaOptions;
  }
  interface ResolvedAuthTokenOptions {
    /** `key` is null while two-factor login is off. */
    mfa: Required<Pick<AuthTokenMfaOptions, 'issuer'>> & { key: Buffer | null };
  }
}

export const MFA_DEFAULTS = { issuer: 'nestjs-auth-token' } as const;

export const mfaOptions: OptionGroup<'mfa'> = {
  name: 'mfa',
  keys: { encryptionKey: null, issuer: null },
  resolve(raw = {}) {
    const issuer = raw.issuer ?? MFA_DEFAULTS.issuer;
    if (typeof issuer !== 'string' || issuer.trim() === '' || issuer.includes(':')) {
      throw new AuthTokenConfigError('mfa.issuer', 'must be a non-empty name without ":" (authenticator apps show it)');
    }
    const given = raw.encryptionKey;
    if (given === undefined) return { key: null, issuer };
    const key = Buffer.isBuffer(given)
      ? given
      : /^[0-9a-f]{64}$/i.test(String(given))
        ? Buffer.from(String(given), 'hex')
        : Buffer.from(String(given), 'base64');
    if (key.length !== 32)
      throw new AuthTokenConfigError(
        'mfa.encryptionKey',
        'must be 32 bytes: a Buffer, 64 hex digits or base64 of 32 bytes (e.g. openssl rand -base64 32)',
      );
    return { key, issuer };
  },
};
