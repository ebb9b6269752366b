import type { IncomingHttpHeaders } from 'node:http';

/*
 * The seam between the library and the host's HTTP platform, Express (@nestjs/platform-express) or Fastify
 * (@nestjs/platform-fastify): every other file reads requests and writes answers through these functions and
 * knows neither platform. Neither is imported; Fastify's objects are told apart by their `raw` (the Node.js
 * request or response they wrap), which Express's objects, being Node's own, do not have.
 *
 * Guards, interceptors, filters and handlers get Express's Request and Response, or Fastify's FastifyRequest and
 * FastifyReply. Middleware gets Express's objects too, but on Fastify Node's own request and response (see
 * fastify-screening.ts).
 */

/**
 * What the library reads of a request, which Express's Request and Fastify's FastifyRequest both have under the
 * same names and meanings: `ip`, `protocol` and `host` (with its port) follow the app's trusted proxies
 * (Express's `trust proxy`, Fastify's `trustProxy`).
 */
export interface HttpRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method: string;
  readonly url: string;
  readonly ip?: string;
  readonly protocol?: string;
  readonly host?: string;
  readonly socket?: { readonly remoteAddress?: string } | null;
}

/** An answer in the making: Express's Response or Fastify's FastifyReply (the functions below tell them apart). */
export type HttpResponse = object;

interface FastifyRequestLike extends HttpRequest {
  readonly raw: { readonly url?: string; readonly originalUrl?: string };
  readonly server: object;
}

interface ExpressRequestLike extends HttpRequest {
  readonly path: string;
  readonly app?: { get(setting: string): unknown };
}

interface FastifyReplyLike {
  readonly raw: object;
  header(name: string, value: string): this;
  code(status: number): this;
  type(contentType: string): this;
  send(body?: unknown): this;
  redirect(url: string, status: number): this;
}

interface ExpressResponseLike {
  setHeader(name: string, value: string): void;
  status(status: number): this;
  type(contentType: string): this;
  json(body: unknown): void;
  send(body: string): void;
  redirect(status: number, url: string): void;
}

const isFastifyRequest = (request: HttpRequest): request is FastifyRequestLike =>
  (request as { raw?: unknown }).raw !== undefined;

const isFastifyReply = (response: HttpResponse): response is FastifyReplyLike =>
  (response as { raw?: unknown }).raw !== undefined;

/** The request's path, without its query (`/auth/register`). */
export function requestPath(request: HttpRequest): string {
  if (!isFastifyRequest(request)) return (request as ExpressRequestLike).path;
  // Middleware may have rewritten `url` while it ran; Nest reads the original the same way.
  const url = request.raw.originalUrl ?? request.raw.url ?? request.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * `scheme://host[:port]` the request was sent to, as the app sees it behind its trusted proxies
 * (`X-Forwarded-Proto` and, on Fastify, `X-Forwarded-Host`), or null without a `Host`.
 */
export function ownOriginOf(request: HttpRequest): string | null {
  return request.host ? `${request.protocol ?? 'http'}://${request.host}` : null;
}

/** The app the request came to (Express's app, the Fastify instance), for what is done once per app. */
export function appOf(request: HttpRequest): object | undefined {
  return isFastifyRequest(request) ? request.server : (request as ExpressRequestLike).app;
}

/** Whether the app follows `X-Forwarded-For` from some proxy: Express's `trust proxy` or Fastify's `trustProxy`. */
export function trustsProxies(request: HttpRequest): boolean {
  // Fastify defines `ips` (a getter that parses X-Forwarded-For) on its requests only when `trustProxy` is set.
  if (isFastifyRequest(request)) return 'ips' in request;
  return Boolean((request as ExpressRequestLike).app?.get('trust proxy'));
}

/** Sets a header of the answer. */
export function setHeader(response: HttpResponse, name: string, value: string): void {
  if (isFastifyReply(response)) response.header(name, value);
  else (response as ExpressResponseLike).setHeader(name, value);
}

/** Answers `status` with `body` as JSON. */
export function sendJson(response: HttpResponse, status: number, body: unknown): void {
  if (isFastifyReply(response)) response.code(status).send(body);
  else (response as ExpressResponseLike).status(status).json(body);
}

/** Answers `status` with `text` as `text/plain; charset=utf-8`. */
export function sendText(response: HttpResponse, status: number, text: string): void {
  if (isFastifyReply(response)) response.code(status).type('text/plain; charset=utf-8').send(text);
  else (response as ExpressResponseLike).status(status).type('text/plain').send(text);
}

/** Redirects with `status` to `url`. */
export function redirect(response: HttpResponse, status: number, url: string): void {
  if (isFastifyReply(response)) response.redirect(url, status);
  else (response as ExpressResponseLike).redirect(status, url);
}
