import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Repository } from 'typeorm';
import {
  AUTH_EMAIL_TOKEN_REPOSITORY,
  AUTH_KNOWN_DEVICE_REPOSITORY,
  AUTH_MFA_REPOSITORY,
  AUTH_SECURITY_EVENT_REPOSITORY,
  AUTH_THROTTLE_REPOSITORY,
  AUTH_TOKEN_REPOSITORY,
} from '../module/auth-token.internal-constants.js';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import { isOutage } from '../errors/outage.js';
import { assertReadsFromPrimary } from './primary-reads.js';

/** "no such table" / "no such column" (SQLite), undefined_table / undefined_column (PostgreSQL). */
const MISSING = /no such (table|column)|^42P01$|^42703$/;

/**
 * At start-up, refuses a DataSource that reads from replicas by default (see primary-reads.ts), then reads zero
 * rows of each of the library's tables with every column it maps, so that tables no migration created (or an
 * upgrade that added a column) stop the boot with a message naming them, instead of a failure on every request. A database that is down is left to the requests (503); it may come back.
 */
@Injectable()
export class SchemaCheck implements OnModuleInit {
  constructor(
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<object>,
    @Inject(AUTH_EMAIL_TOKEN_REPOSITORY) private readonly links: Repository<object>,
    @Inject(AUTH_THROTTLE_REPOSITORY) private readonly counters: Repository<object>,
    @Inject(AUTH_MFA_REPOSITORY) private readonly factors: Repository<object>,
    @Inject(AUTH_SECURITY_EVENT_REPOSITORY) private readonly securityEvents: Repository<object>,
    @Inject(AUTH_KNOWN_DEVICE_REPOSITORY) private readonly knownDevices: Repository<object>,
  ) {}

  async onModuleInit(): Promise<void> {
    assertReadsFromPrimary(this.tokens.manager.connection);
    const problems: string[] = [];
    const repositories = [this.tokens, this.links, this.counters, this.factors, this.securityEvents, this.knownDevices];
    for (const repository of repositories) {
      const problem = await tableProblem(repository);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) throw missingTablesError(problems);
  }
}

/** The error that stops the boot when the database lacks tables or columns of the library (`problems`). */
export function missingTablesError(problems: string[]): AuthTokenConfigError {
  return new AuthTokenConfigError(
    'userEntity',
    `needs the library's tables, but the database says: ${problems.join('; ')}. Create them with a migration ` +
      "(list ...authTokenEntities(User) in the DataSource's entities, then typeorm migration:generate and migration:run; " +
      'see "Tables and migrations" in the package README, ' +
      'https://github.com/nestjs-auth-token/nestjs-auth-token/tree/main/libs/auth-token#tables-and-migrations, ' +
      'and "Upgrading" in the CHANGELOG), or let TypeORM synchronize the schema in development',
  );
}

/**
 * Reads zero rows of the repository's table with every column it maps: what the database says when the table or a
 * column is missing, else null (also when the database is down: that is left to the requests).
 */
export async function tableProblem(repository: Repository<object>): Promise<string | null> {
  const { metadata, manager } = repository;
  const escape = (name: string) => manager.connection.driver.escape(name);
  const columns = metadata.columns.map((column) => escape(column.databaseName)).join(', ');
  try {
    await manager.query(`SELECT ${columns} FROM ${escape(metadata.tableName)} WHERE 1 = 0`);
    return null;
  } catch (error) {
    if (isOutage(error)) return null;
    const code =
      (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ??
      (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (MISSING.test(message) || (typeof code === 'string' && MISSING.test(code)))
      return `${metadata.tableName}: ${message}`;
    throw error;
  }
}
