import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod, type Type } from '@nestjs/common';
import { RequestBodyTooLargeException } from '../errors/auth-token.exceptions.js';
import { bodyLimitOf } from './body-limits.js';
import { refuseLargeBody } from './body-size.js';
import { refuseForeignOrigin } from './foreign-origin.js';
import type { HttpRequest } from './platform.js';

/*
 * The request screening of RequestScreeningGuard, on Fastify before the body is read: a `preParsing` hook on each
 * route of the library (and on no other route), added as Fastify registers the route. It checks the Origin, then
 * the declared size, or for a body sent without Content-Length (chunked) the bytes as they arrive, stopping at
 * the limit. The guard checks again after parsing, as on Express.
 */

type PreParsingHook = (
  request: HttpRequest,
  reply: unknown,
  payload: Readable,
  done: (error: Error | null, payload?: Readable) => void,
) => void;

/** What Fastify hands an `onRoute` hook, as far as the screening reads and extends it. */
interface RouteOptionsLike {
  method: string | string[];
  url: string;
  preParsing?: PreParsingHook | PreParsingHook[];
}

/** What the library uses of a Fastify instance. */
export interface FastifyInstanceLike {
  addHook(name: 'onRoute', hook: (route: RouteOptionsLike) => void): unknown;
}

/** A route of the library: its method, its path below any global prefix or version, its body limit. */
interface ScreenedRoute {
  method: string;
  path: string;
  limit: number;
  trusted: ReadonlySet<string>;
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

function screening(limit: number, trusted: ReadonlySet<string>): PreParsingHook {
  return function screenAuthTokenRequest(request, _reply, payload, done) {
    try {
      refuseForeignOrigin(request, trusted);
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
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** The routes of `controllers` (mounted at their paths), as Nest's metadata declares them. */
function routesOf(controllers: Type<object>[], trusted: ReadonlySet<string>): ScreenedRoute[] {
  return controllers.flatMap((controller) => {
    const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
    const limit = bodyLimitOf(controller);
    const routes: ScreenedRoute[] = [];
    for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype;) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (typeof path !== 'string') continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        routes.push({ method, path: joinPath(base, path), limit, trusted });
      }
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    return routes;
  });
}

/** Whether Fastify's `route` is `screened`: the same method, and a path that ends with the library's path. */
function matches(route: RouteOptionsLike, screened: ScreenedRoute): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.includes(screened.method) && screened.method !== 'ALL') return false;
  const url = route.url.replace(/\/+$/, '') || '/';
  return url === screened.path || (url.endsWith(screened.path) && url.at(-screened.path.length - 1) === '/');
}

/** Fastify instances that screen the library's routes already, each with the routes it screens. */
const screened = new WeakMap<object, ScreenedRoute[]>();

/**
 * Adds the screening hook to each route of `controllers` as Fastify registers it. Called while the module's
 * middleware is configured, which Nest does before it registers any route.
 */
export function screenLibraryRoutes(
  instance: FastifyInstanceLike,
  controllers: Type<object>[],
  trustedOrigins: readonly string[],
): void {
  const routes = routesOf(controllers, new Set(trustedOrigins));
  const known = screened.get(instance);
  if (known) {
    // A second forRoot() on the same app: its routes join the same hook.
    known.push(...routes);
    return;
  }
  screened.set(instance, routes);
  instance.addHook('onRoute', (route) => {
    const match = routes.find((candidate) => matches(route, candidate));
    if (!match) return;
    const existing = route.preParsing === undefined ? [] : [route.preParsing].flat();
    route.preParsing = [screening(match.limit, match.trusted), ...existing];
  });
}
