import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { missingTablesError, tableProblem } from '../../core/schema/schema-check.service.js';
import { AUTH_PASSKEY_CHALLENGE_REPOSITORY, AUTH_PASSKEY_REPOSITORY } from './passkey-repositories.js';

/**
 * With passkeys on, the boot stops when their tables are missing (as the core's SchemaCheck does for its own);
 * with them off, a host needs no passkey tables at all.
 */
@Injectable()
export class PasskeyTablesCheck implements OnModuleInit {
  constructor(
    @Inject(AUTH_PASSKEY_REPOSITORY) private readonly passkeys: Repository<object> | null,
    @Inject(AUTH_PASSKEY_CHALLENGE_REPOSITORY) private readonly challenges: Repository<object> | null,
  ) {}

  async onModuleInit(): Promise<void> {
    const problems: string[] = [];
    for (const repository of [this.passkeys, this.challenges]) {
      const problem = repository ? await tableProblem(repository) : null;
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) throw missingTablesError(problems);
  }
}
