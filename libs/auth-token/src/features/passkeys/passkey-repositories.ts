import type { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { registeredRepository } from '../../core/module/repositories.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';

/** The TypeORM repository of the AuthPasskey entity, or null while passkeys are off. */
export const AUTH_PASSKEY_REPOSITORY = Symbol('AUTH_PASSKEY_REPOSITORY');

/** The TypeORM repository of the AuthPasskeyChallenge entity, or null while passkeys are off. */
export const AUTH_PASSKEY_CHALLENGE_REPOSITORY = Symbol('AUTH_PASSKEY_CHALLENGE_REPOSITORY');

/**
 * `entity`'s repository under `token` while passkeys are on; null while they are off, so that a host without
 * passkeys needs neither their tables nor their entities in its DataSource.
 */
export const passkeyRepositoryProvider = (token: symbol, entity: Type<object>): Provider => ({
  provide: token,
  inject: [getDataSourceToken(), AUTH_TOKEN_OPTIONS],
  useFactory: (dataSource: DataSource, options: ResolvedAuthTokenOptions) =>
    options.passkeys.enabled ? registeredRepository(dataSource, entity) : null,
});
