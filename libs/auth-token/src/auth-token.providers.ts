import type { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_ENTITY } from './auth-token.constants.js';
import { AUTH_TOKEN_ENTITY, AUTH_TOKEN_REPOSITORY } from './auth-token.internal-constants.js';
import { AuthTokenConfigError } from './errors/auth-token-config.error.js';
import type { ResolvedAuthTokenOptions } from './options/auth-token-options.interface.js';
import { Clock, SystemClock } from './time/clock.js';
import type { AuthToken } from './tokens/auth-token.entity.js';
import { PasswordHasher } from './users/password-hasher.js';
import { ScryptPasswordHasher } from './users/scrypt-password-hasher.js';
import { mapUserFields } from './users/user-fields.js';
import { TypeOrmUserStore } from './users/typeorm-user-store.js';
import { UserStore } from './users/user-store.js';

function registeredMetadata(dataSource: DataSource, entity: Type<object>, what: string) {
  if (!dataSource.hasMetadata(entity)) {
    throw new AuthTokenConfigError(
      'userEntity',
      `needs the ${what} entity in the TypeORM DataSource: set autoLoadEntities: true, or add ${what === 'AuthToken' ? 'authTokenEntityFor(YourUser)' : what} to its entities`,
    );
  }
  return dataSource.getMetadata(entity);
}

/** Providers shared by every definition of the module, whatever its extras. */
export const authTokenProviders = (tokenEntity: Type<AuthToken>): Provider[] => [
  { provide: AUTH_TOKEN_ENTITY, useValue: tokenEntity },
  {
    provide: AUTH_TOKEN_REPOSITORY,
    inject: [getDataSourceToken(), AUTH_TOKEN_ENTITY],
    useFactory: (dataSource: DataSource, entity: Type<AuthToken>) => {
      registeredMetadata(dataSource, entity, 'AuthToken');
      return dataSource.getRepository(entity);
    },
  },
  {
    provide: UserStore,
    inject: [AUTH_TOKEN_OPTIONS, getDataSourceToken(), AUTH_TOKEN_USER_ENTITY],
    useFactory: (options: ResolvedAuthTokenOptions, dataSource: DataSource, userEntity: Type<object>) => {
      const metadata = registeredMetadata(dataSource, userEntity, userEntity.name);
      const fields = mapUserFields(options.userFields, metadata);
      return options.userStore ?? new TypeOrmUserStore(dataSource.getRepository(userEntity), fields);
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
