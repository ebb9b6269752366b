import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import * as swagger from '@nestjs/swagger';
import { describeAuthTokenApi } from 'nestjs-auth-token';
import type { DemoConfig } from './config/demo-config.js';

/** The page's files: beside the built code (dist), or in apps/demo/public when run from source (tests). */
const PUBLIC_DIR = [join(import.meta.dirname, 'public'), join(import.meta.dirname, '..', 'public')].find((dir) => existsSync(dir));

/**
 * Serves the page's few files at `/`, `/app.js`, ... Only those paths reach the static handler: mounted for
 * every path it would look on disk for each API request too.
 */
function serveDemoPage(app: INestApplication, dir: string): void {
  const files = new Set(['/', ...readdirSync(dir).map((name) => `/${name}`)]);
  const serve = express.static(dir, { index: 'index.html', maxAge: 0 });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    (request.method === 'GET' || request.method === 'HEAD') && files.has(request.path) ? serve(request, response, next) : next(),
  );
}

/** HTTP settings shared by main.ts and the tests, so both run the same app. */
export function configureDemoApp(app: INestApplication, config: DemoConfig): void {
  (app as NestExpressApplication).disable('x-powered-by');
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  }
  if (PUBLIC_DIR) serveDemoPage(app, PUBLIC_DIR);
  describeAuthTokenApi(swagger);
  const document = swagger.SwaggerModule.createDocument(
    app,
    new swagger.DocumentBuilder()
      .setTitle('nestjs-auth-token demo')
      .setDescription('Token authentication: send `Authorization: Bearer <token>` (or `Token <token>`) from POST /auth/login.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque (nat_…)', description: 'A token from POST /auth/login' }, 'token')
      .build(),
  );
  swagger.SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
}
