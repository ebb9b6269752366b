import { Logger, type Provider, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_ENTITY, AUTH_TOKEN_USER_FIELDS, AUTH_TOKEN_USER_REPOSITORY } from './auth-token.constants.js';
import { AUTH_EMAIL_TOKEN_REPOSITORY, AUTH_THROTTLE_REPOSITORY, AUTH_TOKEN_REPOSITORY } from './auth-token.internal-constants.js';
import type { AuthEmailToken } from './email-tokens/auth-email-token.entity.js';
import { LogMailer } from './mail/log-mailer.js';
import { Mailer } from './mail/mailer.js';
import { findMailerService, MailerServiceMailer } from './mail/mailer-service.mailer.js';
import { PasswordPolicy } from './passwords/password-policy.js';
import { AuthThrottle } from './throttle/auth-throttle.entity.js';
import { AuthTokenConfigError } from './errors/auth-token-config.error.js';
import type { ResolvedAuthTokenOptions } from './options/auth-token-options.interface.js';
import { Clock, SystemClock } from './time/clock.js';
import type { AuthToken } from './tokens/auth-token.entity.js';
import { PasswordHasher } from './users/password-hasher.js';
import { ScryptPasswordHasher } from './users/scrypt-password-hasher.js';
import { mapUserFields, type UserFieldMap } from './users/user-fields.js';
import { TypeOrmUserStore } from './users/typeorm-user-store.js';
import { UserStore } from './users/user-store.js';

/** The entity's repository; a clear start-up error, rather than TypeORM's, when the DataSource lacks the entity. */
function registeredRepository(dataSource: DataSource, entity: Type<object>): Repository<object> {
  if (!dataSource.hasMetadata(entity)) {
    const add = entity.name.startsWith('Auth') ? '...authTokenEntities(YourUser)' : entity.name;
    throw new AuthTokenConfigError('userEntity', `needs the ${entity.name} entity in the TypeORM DataSource: set autoLoadEntities: true, or add ${add} to its entities`);
  }
  return dataSource.getRepository(entity);
}

const repositoryProvider = (token: symbol, entity: Type<object>): Provider => ({
  provide: token,
  inject: [getDataSourceToken()],
  useFactory: (dataSource: DataSource) => registeredRepository(dataSource, entity),
});

/** Providers shared by every definition of the module, whatever its extras. */
export const authTokenProviders = (tokenEntity: Type<AuthToken>, emailTokenEntity: Type<AuthEmailToken>): Provider[] => [
  repositoryProvider(AUTH_TOKEN_REPOSITORY, tokenEntity),
  repositoryProvider(AUTH_EMAIL_TOKEN_REPOSITORY, emailTokenEntity),
  repositoryProvider(AUTH_THROTTLE_REPOSITORY, AuthThrottle),
  {
    provide: Mailer,
    inject: [AUTH_TOKEN_OPTIONS, ModuleRef],
    useFactory: async (options: ResolvedAuthTokenOptions, moduleRef: ModuleRef): Promise<Mailer> => {
      const { mailer } = options;
      if (typeof mailer === 'function') return moduleRef.create(mailer);
      if (mailer) return mailer;
      const service = await findMailerService(moduleRef);
      if (service) return new MailerServiceMailer(service);
      new Logger('AuthToken').warn(
        'No mail transport (no mailer option, no MailerModule): confirmation and reset mails are written to the log, links included. Fine for development only.',
      );
      return new LogMailer();
    },
  },
  {
    provide: PasswordPolicy,
    inject: [AUTH_TOKEN_OPTIONS],
    useFactory: (options: ResolvedAuthTokenOptions) => new PasswordPolicy(options.passwordPolicy),
  },
  {
    provide: AUTH_TOKEN_USER_REPOSITORY,
    inject: [getDataSourceToken(), AUTH_TOKEN_USER_ENTITY],
    useFactory: (dataSource: DataSource, userEntity: Type<object>) => registeredRepository(dataSource, userEntity),
  },
  {
    provide: AUTH_TOKEN_USER_FIELDS,
    inject: [AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_REPOSITORY],
    useFactory: (options: ResolvedAuthTokenOptions, repository: Repository<object>): UserFieldMap =>
      mapUserFields(options, repository.metadata),
  },
  {
    provide: UserStore,
    inject: [AUTH_TOKEN_OPTIONS, ModuleRef, AUTH_TOKEN_USER_REPOSITORY, AUTH_TOKEN_USER_FIELDS],
    useFactory: (options: ResolvedAuthTokenOptions, moduleRef: ModuleRef, repository: Repository<object>, fields: UserFieldMap) => {
      const { userStore } = options;
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
  },
  {
    provide: PasswordHasher,
    inject: [AUTH_TOKEN_OPTIONS],
    useFactory: (options: ResolvedAuthTokenOptions) => options.passwordHasher ?? new ScryptPasswordHasher(options.scrypt),
  },
  {
    provide: Clock,
    inject: [AUTH_TOKEN_OPTIONS],
    useFactory: (options: ResolvedAuthTokenOptions) => options.clock ?? new SystemClock(),
  },
];
