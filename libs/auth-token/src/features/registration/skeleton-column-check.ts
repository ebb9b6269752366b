import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Repository } from 'typeorm';
import {
  AUTH_TOKEN_OPTIONS,
  AUTH_TOKEN_USER_FIELDS,
  AUTH_TOKEN_USER_REPOSITORY,
} from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { TypeOrmUserStore } from '../../core/users/typeorm-user-store.js';
import type { UserFieldMap } from '../../core/users/user-fields.js';
import { UserStore } from '../../core/users/user-store.js';

/** Warns at start-up when registration is on and the default user store has no column for look-alike checks. */
@Injectable()
export class SkeletonColumnCheck implements OnModuleInit {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_USER_FIELDS) private readonly fields: UserFieldMap,
    @Inject(AUTH_TOKEN_USER_REPOSITORY) private readonly repository: Repository<object>,
    private readonly users: UserStore,
  ) {}

  onModuleInit(): void {
    if (!this.options.registration.enabled || !(this.users instanceof TypeOrmUserStore)) return;
    if (this.fields.usernameSkeleton !== null) return;
    new Logger('AuthToken').warn(
      `The ${this.repository.metadata.name} entity has no usernameSkeleton column: registration finds look-alike names ` +
        '(ɑdmin beside admin) by reading every username, which grows slow with the table, and two look-alikes ' +
        'registered at the same moment can both succeed. Add the column with a unique index (see the README, ' +
        '"Usernames that look alike").',
    );
  }
}
