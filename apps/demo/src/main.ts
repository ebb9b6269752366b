import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthTokenConfigError } from 'nestjs-auth-token';
import { configureDemoApp } from './bootstrap.js';
import { DemoConfigError, loadDemoConfig } from './config/demo-config.js';
import { DemoModule } from './demo.module.js';
import { createDemoHttpAdapter, demoAppOptions } from './http/http-adapter.js';

async function main(): Promise<void> {
  const config = loadDemoConfig(process.env);
  const app = await NestFactory.create(DemoModule.register(config), await createDemoHttpAdapter(config), {
    ...demoAppOptions(config),
    abortOnError: false,
  });
  configureDemoApp(app, config);
  await app.listen(config.port, config.host);
  new Logger('Demo').log(
    `Listening on http://${config.host}:${config.port} (database: ${config.database.type}, HTTP: ${config.httpAdapter})`,
  );
}

main().catch((error: unknown) => {
  // Configuration mistakes get one clear line; anything else is unexpected and keeps its stack.
  if (error instanceof DemoConfigError || error instanceof AuthTokenConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
