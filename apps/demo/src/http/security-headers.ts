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

type Headers = readonly (readonly [name: string, value: string])[];

/**
 * The headers of an answer to `path`: the docs policy under `/<docsPath>` and `/<docsPath>/...` (the UI and its
 * files), the strict one everywhere else (`/<docsPath>-json` included).
 */
function securityHeadersFor(docsPath: string): (path: string) => Headers {
  const docs = `/${docsPath.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  // Confirmation links carry a token in their path: no answer should pass its address on to another site.
  const shared = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
  ] as const;
  const forDocs: Headers = [['Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY], ...shared];
  const forOthers: Headers = [['Content-Security-Policy', DEMO_CONTENT_SECURITY_POLICY], ...shared];
  return (path) => {
    // Lower-cased as the demo's routes are case-insensitive: /Docs serves the UI too.
    const lower = path.toLowerCase();
    return lower === docs || lower.startsWith(`${docs}/`) ? forDocs : forOthers;
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
  const headersFor = securityHeadersFor(docsPath);
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === 'fastify') {
    (adapter as FastifyAdapter).setOnRequestHook((request, reply, done) => {
      for (const [name, value] of headersFor(pathOf(request.url))) reply.raw.setHeader(name, value);
      done();
    });
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of headersFor(request.path)) response.setHeader(name, value);
    next();
  });
}
