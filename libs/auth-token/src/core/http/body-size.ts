import { RequestBodyTooLargeException } from '../errors/auth-token.exceptions.js';
import type { HttpRequest } from './platform.js';

/**
 * The size of the request's body: its Content-Length, or for a body sent without one (chunked), the size of
 * what the body parser made of it (the platforms parse bodies before any guard runs).
 */
function bodySize(request: HttpRequest & { body?: unknown }): number {
  const declared = request.headers['content-length'];
  if (declared !== undefined) return Number(declared);
  const { body } = request;
  if (body === undefined || body === null) return 0;
  if (Buffer.isBuffer(body)) return body.length;
  return Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Refuses a body over `limit` bytes with a 413. */
export function refuseLargeBody(request: HttpRequest, limit: number): void {
  if (bodySize(request) > limit) throw new RequestBodyTooLargeException(limit);
}
