import { hkdfSync } from 'node:crypto';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';

/**
 * The key of the throttle counters' names: derived (HKDF-SHA-256, its own label) from the `secret` option, else
 * from `tokens.pepper`, else from `mfa.encryptionKey`; null when the host set none of them. Keyed names cannot be
 * reversed from a stolen table by hashing every IPv4 address or a list of names, as plain SHA-256 names can.
 */
export function throttleKey({
  secret,
  tokens,
  mfa,
}: Pick<ResolvedAuthTokenOptions, 'secret' | 'tokens' | 'mfa'>): Buffer | null {
  const material = secret ?? tokens.pepper ?? mfa.key;
  if (material === undefined || material === null) return null;
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'nestjs-auth-token throttle keys', 32));
}
