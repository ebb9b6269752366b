import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FastifyAdapter } from '@nestjs/platform-fastify';

/** Directives both policies share: nothing from other origins, no plugins, no framing, no `<base>`. */
const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  // The page calls only its own API. Origins in CORS_ORIGINS call it from their own pages, under their own policy.
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
];

/** The demo page's policy (and that of every other answer): no inline script or style at all. */
export const DEMO_CONTENT_SECURITY_POLICY = ["script-src 'self'", "style-src 'self'", ...COMMON_DIRECTIVES].join('; ');

/**
 * The OpenAPI UI's policy. Its scripts are files too, but @nestjs/swagger's HTML carries `<style>` blocks and a
 * `style` attribute, so styles (never scripts) may be inline there.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  ...COMMON_DIRECTIVES,
].join('; ');

/** A response whose headers can be set: Node's own, which Express's Response is and Fastify's reply wraps. */
interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

/**
 * Sets the headers of an answer to `path`: the docs policy under `/<docsPath>` and `/<docsPath>/...` (the UI and
 * its files), the strict one everywhere else (`/<docsPath>-json` included).
 */
function securityHeaders(docsPath: string): (path: string, response: HeaderTarget) => void {
  const docs = `/${docsPath.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  const docsFolder = `${docs}/`;
  return (path, response) => {
    // Lower-cased as the demo's routes are case-insensitive: /Docs serves the UI too.
    const lower = path.toLowerCase();
    const isDocs = lower === docs || lower.startsWith(docsFolder);
    response.setHeader('Content-Security-Policy', isDocs ? DOCS_CONTENT_SECURITY_POLICY : DEMO_CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Confirmation links carry a token in their path: no answer should pass its address on to another site.
    response.setHeader('Referrer-Policy', 'no-referrer');
  };
}

/** The path of a request target, without its query. */
const pathOf = (url: string) => url.split('?', 1)[0];

/**
 * Sets Content-Security-Policy, X-Content-Type-Options and Referrer-Policy on every answer, before any route runs,
 * so that 404s, CORS preflights and errors carry them too: as the first Express middleware, or on Fastify in the
 * request hook Nest runs before its CORS hook and any middleware. Set on Node's response, whose headers every
 * answer of either platform carries.
 */
export function useSecurityHeaders(app: INestApplication, docsPath: string): void {
  const setHeaders = securityHeaders(docsPath);
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === 'fastify') {
    (adapter as FastifyAdapter).setOnRequestHook((request, reply, done) => {
      setHeaders(pathOf(request.url), reply.raw);
      done();
    });
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    setHeaders(request.path, response);
    next();
  });
}
