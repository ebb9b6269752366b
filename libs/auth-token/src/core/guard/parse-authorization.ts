/** Longest Authorization header looked at; anything longer cannot hold one of our tokens. */
const MAX_HEADER_LENGTH = 1024;
const SCHEMES = new Set(['token', 'bearer']);

/**
 * Reads `Authorization: Token <t>` or `Bearer <t>` (scheme case-insensitive). Returns the credential, or
 * `undefined` when no header with one of these schemes was sent (another scheme, e.g. Basic, counts as none).
 * A header with our scheme but no single usable credential returns `''`: presented, and invalid.
 */
export function parseAuthorization(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  if (!SCHEMES.has(scheme)) return undefined;
  if (header.length > MAX_HEADER_LENGTH) return '';
  const credential = header.slice(space + 1).trim();
  return space === -1 || /\s/.test(credential) ? '' : credential;
}
