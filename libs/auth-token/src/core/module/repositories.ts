import type { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';

/** The entity's repository; a clear start-up error, rather than TypeORM's, when the DataSource lacks the entity. */
export function registeredRepository(dataSource: DataSource, entity: Type<object>): Repository<object> {
  if (!dataSource.hasMetadata(entity)) {
    const add = entity.name.startsWith('Auth') ? '...authTokenEntities(YourUser)' : entity.name;
    throw new AuthTokenConfigError(
      'userEntity',
      `needs the ${entity.name} entity in the TypeORM DataSource: set autoLoadEntities: true, or add ${add} to its entities`,
    );
  }
  return dataSource.getRepository(entity);
}

/** Provides `entity`'s repository of the default DataSource under `token`. */
export const repositoryProvider = (token: symbol, entity: Type<object>): Provider => ({
  provide: token,
  inject: [getDataSourceToken()],
  useFactory: (dataSource: DataSource) => registeredRepository(dataSource, entity),
});
