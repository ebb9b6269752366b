import type { UserId } from '../../core/users/user-store.js';

/** Who is logging in, as the HTTP layer sees it. */
export interface LoginClient {
  /**
   * The client's IP address (`request.ip` on Express and Fastify: set Express's `trust proxy`, or Fastify's
   * `trustProxy`, behind a proxy). Required: the
   * throttling limits count per address, and a constant here would put every caller in one bucket.
   */
  ip: string;
  /** The `User-Agent` header, kept with the session. */
  userAgent?: string;
  /** The `Accept-Language` header: the language of the mails the login may cause (a new sign-in notice). */
  acceptLanguage?: string;
}

/** The client address, or a TypeError for host code that passes none. */
export function requireClientIp(ip: unknown): string {
  if (typeof ip !== 'string' || ip.trim() === '') {
    throw new TypeError('The client IP address is required (pass request.ip): login throttling counts per address.');
  }
  return ip;
}

/** The throttling name of an existing account: its id, never the typed name (which may be spelled many ways). */
export const accountOf = (userId: UserId): string => `user:${String(userId)}`;
