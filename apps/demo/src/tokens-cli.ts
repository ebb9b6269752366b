import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AuthTokenConfigError, TokenPurgeService } from 'nestjs-auth-token';
import { DemoConfigError, loadDemoConfig } from './config/demo-config.js';
import { DemoModule } from './demo.module.js';

const USAGE = 'Usage:\n  npm run tokens -- purge      delete expired tokens, e-mail links and throttling counters now';

async function run(argv: string[]): Promise<string> {
  if (argv.length !== 1 || argv[0] !== 'purge') throw Object.assign(new Error(USAGE), { usage: true });
  const app = await NestFactory.createApplicationContext(DemoModule.register(loadDemoConfig(process.env)), {
    logger: false,
    abortOnError: false,
  });
  try {
    const { tokens, links, counters } = await app.get(TokenPurgeService).purge();
    return `Purged ${tokens} expired tokens, ${links} expired e-mail links and ${counters} expired throttling counters.`;
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    const usage = (error as { usage?: boolean }).usage === true;
    const expected = usage || error instanceof DemoConfigError || error instanceof AuthTokenConfigError;
    console.error(expected ? (error as Error).message : error);
    process.exit(usage ? 2 : 1);
  },
);
