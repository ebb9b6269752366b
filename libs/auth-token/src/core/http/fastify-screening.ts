import type { IncomingMessage } from 'node:http';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { RequestBodyTooLargeException } from '../errors/auth-token.exceptions.js';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { refuseLargeBody } from './body-size.middleware.js';
import { refuseForeignOrigin } from './foreign-origin.middleware.js';
import type { HttpRequest } from './platform.js';

/*
 * The request screening of screen-own-routes.ts on Fastify. Nest runs middleware there in an `onRequest` hook
 * (through @fastify/middie) on Node's own request, before Fastify has read the body and without what Fastify
 * knows of the request behind its trusted proxies (the host with its port). So the middleware only marks the
 * request with what to check, and one `preParsing` hook, which gets Fastify's request and runs before the body
 * is read, checks it: the Origin, then the declared size, or for a body sent without Content-Length (chunked)
 * the bytes as they arrive, stopping at the limit.
 */

const TRUSTED_ORIGINS = Symbol('auth-token:trusted-origins');
const BODY_LIMIT = Symbol('auth-token:body-limit');

interface MarkedRequest extends IncomingMessage {
  [TRUSTED_ORIGINS]?: ReadonlySet<string>;
  [BODY_LIMIT]?: number;
}

type PreParsingHook = (
  request: HttpRequest & { raw: MarkedRequest },
  reply: unknown,
  payload: Readable,
  done: (error: Error | null, payload?: Readable) => void,
) => void;

/** What the library uses of a Fastify instance. */
export interface FastifyInstanceLike {
  addHook(name: 'preParsing', hook: PreParsingHook): unknown;
}

/** Marks a request to be screened for its Origin with the module's trusted origins. */
@Injectable()
export class FastifyOriginMark implements NestMiddleware {
  private readonly trusted: ReadonlySet<string>;

  constructor(@Inject(AUTH_TOKEN_OPTIONS) options: ResolvedAuthTokenOptions) {
    this.trusted = new Set(options.trustedOrigins);
  }

  use(request: MarkedRequest, _response: unknown, next: () => void): void {
    request[TRUSTED_ORIGINS] = this.trusted;
    next();
  }
}

/** Marks a request to be screened for a body over `limit` bytes. */
export function fastifyBodyLimitMark(limit: number) {
  return function markBodyLimit(request: MarkedRequest, _response: unknown, next: () => void): void {
    request[BODY_LIMIT] = limit;
    next();
  };
}

/** Passes a body on as it arrives, failing with a 413 at the first byte over the limit. */
class BodyLimitStream extends Transform {
  private received = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) callback(new RequestBodyTooLargeException(this.limit));
    else callback(null, chunk);
  }
}

const screenMarkedRequest: PreParsingHook = (request, _reply, payload, done) => {
  const { [TRUSTED_ORIGINS]: trusted, [BODY_LIMIT]: limit } = request.raw;
  if (trusted === undefined && limit === undefined) return done(null, payload);
  try {
    if (trusted !== undefined) refuseForeignOrigin(request, trusted);
    if (limit === undefined) return done(null, payload);
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] === undefined) {
      refuseLargeBody(request, limit);
      return done(null, payload);
    }
  } catch (error) {
    return done(error as Error);
  }
  const limited = new BodyLimitStream(limit);
  payload.on('error', (error) => limited.destroy(error));
  done(null, payload.pipe(limited));
};

/** Fastify instances that screen marked requests already (a host may mount the module twice). */
const screening = new WeakSet<object>();

/** Adds the hook that screens the requests the middleware marked, once per Fastify instance. */
export function screenMarkedRequests(instance: FastifyInstanceLike): void {
  if (screening.has(instance)) return;
  screening.add(instance);
  instance.addHook('preParsing', screenMarkedRequest);
}
