import { isIP } from 'node:net';
import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Passkeys (WebAuthn): passwordless login, a second factor, and re-authentication. */
export interface AuthTokenPasskeysOptions {
  /**
   * The relying-party ID passkeys are bound to: a domain (`example.com`; `localhost` in development), never an IP
   * address, and the host of every origin or a registrable suffix of it (`example.com` serves
   * `https://app.example.com`). Setting it turns passkeys on. Changing it later orphans every passkey made.
   * @default unset (passkeys off: their routes answer 404)
   */
  rpId?: string;
  /** The name authenticators show beside the account. @default the rpId */
  rpName?: string;
  /**
   * The origins ceremonies may come from: the pages that call `navigator.credentials` (`https://app.example.com`),
   * and Android apps (`android:apk-key-hash:...`). @default [`https://<rpId>`]
   */
  origins?: string[];
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Passkeys (WebAuthn); needs the @simplewebauthn/server package (13.x). @default off (no `rpId`) */
    passkeys?: AuthTokenPasskeysOptions;
  }
  interface ResolvedAuthTokenOptions {
    /** `enabled` is false (and `rpId` empty) while passkeys are off. */
    passkeys: Required<AuthTokenPasskeysOptions> & { enabled: boolean };
  }
}

/** Origins of Android apps, which are no URLs: they name the app's signing key instead of a host. */
const ANDROID_ORIGIN = /^android:apk-key-hash:[A-Za-z0-9_-]{43}$/;

/** A domain name in ASCII (IDNs as punycode): dot-separated labels of letters, digits and inner hyphens. */
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function relyingPartyId(raw: unknown): string {
  const given = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  let ascii = '';
  try {
    // Only a bare name: anything URL-like ("example.com/x", "user@host", "host:443") is refused below.
    if (!/[/@:?#\\[\]]/.test(given)) ascii = new URL(`http://${given}`).hostname;
  } catch {
    // reported below
  }
  // The URL parser also reads "127.1" as an IPv4 address: the parsed name is what browsers would see.
  if (isIP(given.replace(/^\[|\]$/g, '')) !== 0 || isIP(ascii) !== 0)
    throw new AuthTokenConfigError('passkeys.rpId', `must be a domain name, never an IP address (got ${String(raw)})`);
  if (!DOMAIN.test(ascii))
    throw new AuthTokenConfigError('passkeys.rpId', `must be a domain name such as example.com (got ${String(raw)})`);
  return ascii;
}

/** An origin as browsers write it (`https://host[:port]`, no path), or an Android app's. */
function origin(raw: unknown): string {
  if (typeof raw === 'string' && ANDROID_ORIGIN.test(raw)) return raw;
  try {
    const url = new URL(String(raw));
    const written = String(raw).replace(/\/$/, '');
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === written) return url.origin;
  } catch {
    // reported below
  }
  throw new AuthTokenConfigError(
    'passkeys.origins',
    `must list origins such as https://example.com (scheme, host and port, no path), got ${String(raw)}`,
  );
}

/**
 * WebAuthn binds a passkey to the RP ID, which browsers accept only when it is the page's host or a registrable
 * suffix of it. A suffix of one label (`com`) is a top-level domain, never registrable; deeper public suffixes
 * (`co.uk`) would need the Public Suffix List, which browsers apply themselves.
 */
function checkServes(rpId: string, originUrl: string): void {
  if (ANDROID_ORIGIN.test(originUrl)) return;
  const host = new URL(originUrl).hostname;
  const suffix = host === rpId || (host.endsWith(`.${rpId}`) && (rpId.includes('.') || rpId === 'localhost'));
  if (!suffix || isIP(host.replace(/^\[|\]$/g, '')) !== 0)
    throw new AuthTokenConfigError(
      'passkeys.rpId',
      `must be the host of every origin or a registrable suffix of it: "${rpId}" does not serve ${originUrl}`,
    );
}

export const passkeysOptions: OptionGroup<'passkeys'> = {
  name: 'passkeys',
  keys: { rpId: null, rpName: null, origins: null },
  resolve(raw = {}) {
    if (raw.rpId === undefined) {
      if (raw.origins !== undefined || raw.rpName !== undefined)
        throw new AuthTokenConfigError('passkeys.rpId', 'is required with passkeys.origins or passkeys.rpName');
      return { enabled: false, rpId: '', rpName: '', origins: [] };
    }
    const rpId = relyingPartyId(raw.rpId);
    const rpName = raw.rpName ?? rpId;
    if (typeof rpName !== 'string' || rpName.trim() === '' || rpName.length > 100)
      throw new AuthTokenConfigError('passkeys.rpName', 'must be a name of 1 to 100 characters');
    const given = raw.origins ?? [`https://${rpId}`];
    if (!Array.isArray(given) || given.length === 0)
      throw new AuthTokenConfigError('passkeys.origins', 'must list at least one origin, such as https://example.com');
    const origins = [...new Set(given.map(origin))];
    for (const allowed of origins) checkServes(rpId, allowed);
    return { enabled: true, rpId, rpName, origins };
  },
};

/** Whether the host turned passkeys on (`passkeys.rpId`). */
export const passkeysOn = (options: { passkeys: { enabled: boolean } }) => options.passkeys.enabled;
