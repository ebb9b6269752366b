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

/** The three headers of an answer, as name and value. */
type SecurityHeaders = readonly (readonly [string, string])[];

/** The headers with `policy` as the Content-Security-Policy. */
function headersWith(policy: string): SecurityHeaders {
  return [
    ['Content-Security-Policy', policy],
    ['X-Content-Type-Options', 'nosniff'],
    // Confirmation links carry a token in their path: no answer should pass its address on to another site.
    ['Referrer-Policy', 'no-referrer'],
  ];
}

/**
 * The headers of an answer to `path`: the docs policy under `/<docsPath>` and `/<docsPath>/...` (the UI and its
 * files), the strict one everywhere else (`/<docsPath>-json` included). Both sets are built once.
 */
function securityHeaders(docsPath: string): (path: string) => SecurityHeaders {
  const docs = `/${docsPath.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  const docsFolder = `${docs}/`;
  const docsHeaders = headersWith(DOCS_CONTENT_SECURITY_POLICY);
  const demoHeaders = headersWith(DEMO_CONTENT_SECURITY_POLICY);
  return (path) => {
    // Lower-cased as the demo's routes are case-insensitive: /Docs serves the UI too.
    const lower = path.toLowerCase();
    return lower === docs || lower.startsWith(docsFolder) ? docsHeaders : demoHeaders;
  };
}

/** The path of a request target, without its query. */
const pathOf = (url: string) => url.split('?', 1)[0];

/**
 * Sets Content-Security-Policy, X-Content-Type-Options and Referrer-Policy on every answer, before any route runs,
 * so that 404s, CORS preflights and errors carry them too: as the first Express middleware, or on Fastify in the
 * request hook Nest runs before its CORS hook and any middleware. On Fastify they go on the reply, not on Node's
 * response under it: a header set there makes Node take its slow path for all of Fastify's headers, which cost an
 * open request on Fastify 9 % of its throughput.
 */
export function useSecurityHeaders(app: INestApplication, docsPath: string): void {
  const headersFor = securityHeaders(docsPath);
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === 'fastify') {
    (adapter as FastifyAdapter).setOnRequestHook((request, reply, done) => {
      for (const [name, value] of headersFor(pathOf(request.url))) reply.header(name, value);
      done();
    });
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of headersFor(request.path)) response.setHeader(name, value);
    next();
  });
}
