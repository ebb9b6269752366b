/**
 * What a revocation drops from the token caches: tokens by public id, every token of a user, or every token that
 * expired by a moment (a purge). Sent between instances as a short JSON text, the payload of a PostgreSQL NOTIFY.
 */
export type RevocationNotice =
  { tokenIds: string[] } | { userId: string | number } | { expiredBefore: number } | { everything: true };

/** The NOTIFY channel every instance listens on. */
export const REVOCATION_CHANNEL = 'auth_token_revocations';

export function encodeNotice(notice: RevocationNotice): string {
  if ('tokenIds' in notice) return JSON.stringify({ t: notice.tokenIds });
  if ('userId' in notice) return JSON.stringify({ u: notice.userId });
  if ('expiredBefore' in notice) return JSON.stringify({ e: notice.expiredBefore });
  return JSON.stringify({ all: true });
}

/**
 * The notice in a payload. Anything else (another program's message on the channel, a newer format) drops
 * everything: a cache may forget too much, never too little.
 */
export function decodeNotice(payload: string | undefined): RevocationNotice {
  let message: unknown;
  try {
    message = JSON.parse(payload ?? '');
  } catch {
    return { everything: true };
  }
  if (typeof message !== 'object' || message === null) return { everything: true };
  const { t, u, e } = message as Record<string, unknown>;
  if (Array.isArray(t) && t.every((id) => typeof id === 'string')) return { tokenIds: t };
  if (typeof u === 'string' || typeof u === 'number') return { userId: u };
  if (typeof e === 'number' && Number.isFinite(e)) return { expiredBefore: e };
  return { everything: true };
}
