import type { NextFunction, Request, RequestHandler, Response } from 'express';

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

/**
 * Sets Content-Security-Policy, X-Content-Type-Options and Referrer-Policy on every answer: the docs policy under
 * `/<docsPath>` and `/<docsPath>/...` (the UI and its files), the strict one everywhere else (`/<docsPath>-json`
 * included). Registered before any route, so 404s, CORS preflights and errors carry the headers too.
 */
export function securityHeaders(docsPath: string): RequestHandler {
  const docs = `/${docsPath.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  return (request: Request, response: Response, next: NextFunction) => {
    // Lower-cased as Express routes are case-insensitive: /Docs serves the UI too.
    const path = request.path.toLowerCase();
    const isDocs = path === docs || path.startsWith(`${docs}/`);
    response.setHeader('Content-Security-Policy', isDocs ? DOCS_CONTENT_SECURITY_POLICY : DEMO_CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Confirmation links carry a token in their path: no answer should pass its address on to another site.
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
}
