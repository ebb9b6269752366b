import { OriginNotAllowedException } from '../errors/auth-token.exceptions.js';
import { ownOriginOf, type HttpRequest } from './platform.js';

/** Methods that change something; the others (GET, HEAD, OPTIONS) are never refused for their origin. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `scheme://host[:port]` as a browser sends it in `Origin`, or null for what is no such origin (e.g. "null"). */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function allows(request: HttpRequest, origin: string, trusted: ReadonlySet<string>): boolean {
  const sender = originOf(origin);
  if (sender === null) return false;
  const own = ownOriginOf(request);
  return sender === (own === null ? null : originOf(own)) || trusted.has(sender);
}

/**
 * Refuses, with a 403, a state-changing request whose `Origin` header names another site than the server itself
 * (the request's scheme and host, as the app reads them behind a trusted proxy) or one of `trusted`. A browser
 * always sends `Origin` with such requests from a page, so a page on another site cannot log its visitor in,
 * register accounts, or send mail from their address. Requests without `Origin` (scripts, mobile apps) pass:
 * they come from no page.
 */
export function refuseForeignOrigin(request: HttpRequest, trusted: ReadonlySet<string>): void {
  const { origin } = request.headers;
  if (origin === undefined || !STATE_CHANGING.has(request.method) || allows(request, origin, trusted)) return;
  throw new OriginNotAllowedException();
}
