import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import express from 'express';
import * as swagger from '@nestjs/swagger';
import { describeAuthTokenApi } from 'nestjs-auth-token';
import type { DemoConfig } from './config/demo-config.js';
import { DEMO_SCOPES } from './hello/demo-scopes.js';
import { acceptEmptyJsonBodies } from './http/empty-json-body.js';
import { useSecurityHeaders } from './http/security-headers.js';

/** The page's files: beside the built code (dist), or in apps/demo/public when run from source (tests). */
const PUBLIC_DIR = [join(import.meta.dirname, 'public'), join(import.meta.dirname, '..', 'public')].find((dir) =>
  existsSync(dir),
);

/**
 * Serves the page's few files at `/`, `/app.js`, ... Only those paths reach the static handler: mounted for
 * every path it would look on disk for each API request too. On Fastify, @fastify/static makes a route of each
 * file (`wildcard: false`) and of `/` for index.html.
 */
function serveDemoPage(app: INestApplication, dir: string): void {
  if (app.getHttpAdapter().getType() === 'fastify') {
    (app as NestFastifyApplication).useStaticAssets({ root: dir, wildcard: false, index: 'index.html', maxAge: 0 });
    return;
  }
  const files = new Set(['/', ...readdirSync(dir).map((name) => `/${name}`)]);
  const serve: express.RequestHandler = express.static(dir, { index: 'index.html', maxAge: 0 });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    (request.method === 'GET' || request.method === 'HEAD') && files.has(request.path)
      ? serve(request, response, next)
      : next(),
  );
}

/** Largest leaked-token report (GitHub batches its matches); every other JSON body keeps Express's 100 kB. */
const LEAK_REPORT_LIMIT = '1mb';

/**
 * Parses leaked-token reports ahead of Nest's body parser, up to 1 MB, keeping the raw bytes that their signature
 * covers as `request.rawBody` (where Nest's own `rawBody: true` would put them).
 */
function parseLeakReports(app: INestApplication): void {
  const parse = express.json({
    limit: LEAK_REPORT_LIMIT,
    verify: (request, _response, raw) => Object.assign(request, { rawBody: raw }),
  });
  // A function of another name than body-parser's "jsonParser": Nest adds its own JSON parser only when the app
  // has none of that name.
  app.use(
    '/auth/tokens/leaked',
    function parseLeakReport(request: express.Request, response: express.Response, next: express.NextFunction) {
      parse(request, response, next);
    },
  );
}

/** Where the OpenAPI UI is served; it gets its own Content-Security-Policy. */
const DOCS_PATH = 'docs';

/**
 * HTTP settings shared by main.ts and the tests, so both run the same app, on an app made with the adapter of
 * createDemoHttpAdapter() (Express or Fastify).
 */
export function configureDemoApp(app: INestApplication, config: DemoConfig): void {
  // First, so that every answer carries the headers: the page, the API, errors, CORS preflights.
  useSecurityHeaders(app, DOCS_PATH);
  // Fastify keeps raw bodies for the leaked-token route through the app's rawBody option (demoAppOptions).
  if (app.getHttpAdapter().getType() === 'fastify') acceptEmptyJsonBodies(app as NestFastifyApplication);
  else parseLeakReports(app);
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  }
  if (PUBLIC_DIR) serveDemoPage(app, PUBLIC_DIR);
  describeAuthTokenApi(swagger);
  const document = swagger.SwaggerModule.createDocument(
    app,
    new swagger.DocumentBuilder()
      .setTitle('nestjs-auth-token demo')
      .setDescription(
        'Token authentication: send `Authorization: Bearer <token>` (or `Token <token>`) from POST /auth/login.',
      )
      .setVersion('0.2.0')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'opaque (nat_… or natapi_…)',
          description:
            'A login token from POST /auth/login (every scope), or an API token from POST /auth/tokens with scopes: ' +
            Object.entries(DEMO_SCOPES)
              .map(([scope, description]) => `${scope} (${description})`)
              .join(', '),
        },
        'token',
      )
      .build(),
  );
  swagger.SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  app.enableShutdownHooks();
}
