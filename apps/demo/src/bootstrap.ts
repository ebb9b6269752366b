import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DemoConfig } from './config/demo-config.js';

/** HTTP settings shared by main.ts and the tests, so both run the same app. */
export function configureDemoApp(app: INestApplication, config: DemoConfig): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  }
  app.enableShutdownHooks();
}
