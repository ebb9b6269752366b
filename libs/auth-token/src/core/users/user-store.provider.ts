import { Logger, type FactoryProvider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Repository } from 'typeorm';
import {
  AUTH_TOKEN_OPTIONS,
  AUTH_TOKEN_USER_FIELDS,
  AUTH_TOKEN_USER_REPOSITORY,
} from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { mapUserFields, type UserFieldMap } from './user-fields.js';
import { TypeOrmUserStore } from './typeorm-user-store.js';
import { UserStore } from './user-store.js';

/** Which properties of the host's User entity hold the login, password, ...: checked against its columns. */
export const userFieldsProvider: FactoryProvider<UserFieldMap> = {
  provide: AUTH_TOKEN_USER_FIELDS,
  inject: [AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_REPOSITORY],
  useFactory: (options: ResolvedAuthTokenOptions, repository: Repository<object>) =>
    mapUserFields(options, repository.metadata),
};

/** The `userStore` option (an instance, or a class built by DI), else the TypeORM store over the host's entity. */
export const userStoreProvider: FactoryProvider<UserStore> = {
  provide: UserStore,
  inject: [AUTH_TOKEN_OPTIONS, ModuleRef, AUTH_TOKEN_USER_REPOSITORY, AUTH_TOKEN_USER_FIELDS],
  useFactory: (
    { userStore }: ResolvedAuthTokenOptions,
    moduleRef: ModuleRef,
    repository: Repository<object>,
    fields: UserFieldMap,
  ) => {
    if (typeof userStore === 'function') return moduleRef.create(userStore);
    if (userStore) return userStore;
    if (fields.canonicalUsername === null) {
      new Logger('AuthToken').warn(
        `The ${repository.metadata.name} entity has no canonicalUsername column: logins match LOWER(${fields.username}), which on ` +
          'SQLite folds ASCII letters only, and look-alike names (Émile, émile) can both register. Add the column with a unique index (see the README, "Usernames").',
      );
    }
    return new TypeOrmUserStore(repository, fields);
  },
};
