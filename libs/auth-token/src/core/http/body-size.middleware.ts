import type { NextFunction, Request, Response } from 'express';
import { RequestBodyTooLargeException } from '../errors/auth-token.exceptions.js';

/**
 * The size of the request's body: its Content-Length, or for a body sent without one (chunked), the size of
 * what the body parser made of it.
 */
function bodySize(request: Request): number {
  const declared = request.headers['content-length'];
  if (declared !== undefined) return Number(declared);
  const body: unknown = request.body;
  if (body === undefined || body === null) return 0;
  if (Buffer.isBuffer(body)) return body.length;
  return Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Middleware refusing a body over `limit` bytes with a 413, before any guard, pipe or handler sees it. */
export function bodySizeLimit(limit: number) {
  return function refuseLargeBody(request: Request, _response: Response, next: NextFunction): void {
    if (bodySize(request) > limit) throw new RequestBodyTooLargeException(limit);
    next();
  };
}
