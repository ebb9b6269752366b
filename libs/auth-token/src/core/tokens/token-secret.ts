import { createHmac, hash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62^43 > 2^256, so 43 base62 digits hold 32 random bytes. */
const BODY_LENGTH = 43;
/** 62^6 > 2^32, so 6 base62 digits hold a CRC32. */
const CHECKSUM_LENGTH = 6;
const SECRET_LENGTH = BODY_LENGTH + CHECKSUM_LENGTH;
const BASE62_ONLY = /^[0-9A-Za-z]+$/;

function toBase62(value: bigint, length: number): string {
  let out = '';
  for (let rest = value; rest > 0n; rest /= 62n) out = BASE62[Number(rest % 62n)] + out;
  return out.padStart(length, '0');
}

/** Base62 of the body's CRC32, in plain number arithmetic: this runs on every guarded request. */
function checksum(body: string): string {
  let out = '';
  for (let rest = crc32(body); out.length < CHECKSUM_LENGTH; rest = Math.floor(rest / 62))
    out = BASE62[rest % 62] + out;
  return out;
}

/**
 * A new random token: `<prefix>_<43 base62 chars of 32 random bytes><6 base62 chars of their CRC32>`.
 * The checksum lets a malformed or mistyped token be refused without touching the database, and lets
 * secret scanners recognise a real token.
 */
export function generateToken(prefix: string): string {
  const body = toBase62(BigInt(`0x${randomBytes(32).toString('hex')}`), BODY_LENGTH);
  return `${prefix}_${body}${checksum(body)}`;
}

/** True when `token` has exactly the shape {@link generateToken} produces, checksum included. */
export function isWellFormedToken(token: string, prefix: string): boolean {
  if (token.length !== prefix.length + 1 + SECRET_LENGTH || !token.startsWith(`${prefix}_`)) return false;
  const secret = token.slice(prefix.length + 1);
  if (!BASE62_ONLY.test(secret)) return false;
  return checksum(secret.slice(0, BODY_LENGTH)) === secret.slice(BODY_LENGTH);
}

/**
 * The value stored and looked up instead of the token: hex SHA-256, or HMAC-SHA-256 keyed with the pepper.
 * Tokens carry 256 random bits, so a fast hash is enough (no KDF): it cannot be brute-forced.
 */
export function digestToken(token: string, pepper?: string): string {
  // crypto.hash: one call, no Hash object (about half the cost of createHash on this hot path).
  return pepper ? createHmac('sha256', pepper).update(token).digest('hex') : hash('sha256', token, 'hex');
}
