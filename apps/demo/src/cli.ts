import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AuthTokenConfigError } from 'nestjs-auth-token';
import { DemoConfigError, loadDemoConfig } from './config/demo-config.js';
import { DemoModule } from './demo.module.js';
import { UsersService } from './users/users.service.js';

const USAGE = `Usage:
  npm run user -- create <username> <password> [--email <address>] [--confirmed]
  npm run user -- delete <username>

A password of "-" is read from the first line of standard input instead: the command line of a process is
visible to every user of the machine (ps), standard input is not. For example:
  npm run user -- create alice - < password.txt`;

class UsageError extends Error {}

/** The first line of standard input, without its line end ('' when there is none: refused as an empty password). */
async function firstLineOfStdin(): Promise<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) return line;
  return '';
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { email: { type: 'string' }, confirmed: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help) return USAGE;
  const expected = command === 'create' ? 2 : command === 'delete' ? 1 : -1;
  if (expected < 0 || rest.length !== expected) throw new UsageError(USAGE);
  if (command === 'delete' && (values.email !== undefined || values.confirmed)) throw new UsageError(USAGE);

  // Before the database is opened: typing a password may take a while.
  const password = command === 'create' && rest[1] === '-' ? await firstLineOfStdin() : rest[1];

  const config = loadDemoConfig(process.env);
  const app = await NestFactory.createApplicationContext(DemoModule.register(config), {
    logger: false,
    abortOnError: false,
  });
  try {
    const users = app.get(UsersService);
    if (command === 'create') {
      const [username] = rest;
      const user = await users.create({
        username,
        password,
        email: values.email ?? null,
        emailConfirmed: values.confirmed ?? false,
      });
      return `Created user "${user.username}" (id ${user.id}).`;
    }
    if (!(await users.delete(rest[0]))) throw new Error(`No user named "${rest[0]}".`);
    return `Deleted user "${rest[0]}" and its tokens.`;
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    // Expected failures (usage, configuration, a taken name) are one readable message; the rest keeps its stack.
    const expected =
      error instanceof Error &&
      (error.constructor === Error ||
        error instanceof UsageError ||
        error instanceof DemoConfigError ||
        error instanceof AuthTokenConfigError);
    console.error(expected ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
