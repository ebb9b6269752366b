import type { ExistingProvider, FactoryProvider } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { UserStore } from '../../core/users/user-store.js';
import { LookupCache } from '../../core/revocation/lookup-cache.js';
import { TokenCache } from './token-cache.js';

/**
 * The token cache of `tokens.cacheTtl`/`cacheSize`. On PostgreSQL it starts suspended: it serves nothing until
 * the revocation listener is up, so no instance trusts a cache that could miss another's revocations.
 */
export const tokenCacheProvider: FactoryProvider<TokenCache> = {
  provide: TokenCache,
  inject: [AUTH_TOKEN_OPTIONS, UserStore, AUTH_TOKEN_REPOSITORY],
  useFactory: ({ tokens }: ResolvedAuthTokenOptions, users: UserStore, repository: Repository<object>) =>
    new TokenCache({
      ttlMs: tokens.cacheTtl * 1000,
      maxEntries: tokens.cacheSize,
      userIdOf: (user) => users.getId(user),
      suspended: repository.manager.connection.options.type === 'postgres',
    }),
};

/** The core's lookup cache is this feature's token cache. */
export const lookupCacheProvider: ExistingProvider = { provide: LookupCache, useExisting: TokenCache };
