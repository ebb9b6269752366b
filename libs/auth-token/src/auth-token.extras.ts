import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { getMetadataArgsStorage } from 'typeorm';
import {
  AUTH_TOKEN_OPTIONS,
  AUTH_TOKEN_USER_ENTITY,
  AUTH_TOKEN_USER_REPOSITORY,
} from './core/module/auth-token.constants.js';
import {
  AUTH_TOKEN_INSTANCE,
  AUTH_TOKEN_RAW_OPTIONS,
  AUTH_TOKEN_REPOSITORY,
} from './core/module/auth-token.internal-constants.js';
import { AuthTokenCoreModule } from './core/module/auth-token-core.module.js';
import { AuthTokenConfigError } from './core/errors/auth-token-config.error.js';
import type { AuthTokenModuleExtras, AuthTokenOptions } from './core/options/auth-token-options.interface.js';
import { repositoryProvider } from './core/module/repositories.js';
import { authTokenEntityFor } from './core/tokens/auth-token.entity.js';
import { BearerTokenKind } from './core/tokens/bearer-token-kind.js';
import { LookupCache } from './core/revocation/lookup-cache.js';
import { ApiTokenKind } from './features/api-tokens/api-token-kind.js';
import { TokenCacheSubscription } from './features/token-cache/token-cache-subscription.js';
import { lookupCacheProvider, tokenCacheProvider } from './features/token-cache/token-cache.provider.js';
import { resolveAuthTokenOptions } from './options.js';

/** Extras shape the module (entities, routes, global registration), so they sit at the top level of both forms. */
export const AUTH_TOKEN_EXTRAS: AuthTokenModuleExtras = {
  userEntity: undefined,
  routePrefix: 'auth',
  isGlobal: false,
  globalGuard: false,
};

/** The extras after their checks, as the composition root uses them. */
export interface CheckedExtras extends Required<Omit<AuthTokenModuleExtras, 'userEntity'>> {
  userEntity: NonNullable<AuthTokenModuleExtras['userEntity']>;
}

/** Checks the extras, which only the composition root reads: a bad one stops start-up naming it. */
export function checkExtras(extras: AuthTokenModuleExtras): CheckedExtras {
  const { userEntity, routePrefix = 'auth', isGlobal = false, globalGuard = false } = extras;
  if (typeof userEntity !== 'function') {
    throw new AuthTokenConfigError('userEntity', 'is required: pass the TypeORM entity class of your users');
  }
  if (!getMetadataArgsStorage().tables.some((table) => table.target === userEntity)) {
    throw new AuthTokenConfigError(
      'userEntity',
      `must be a TypeORM entity: ${userEntity.name || 'the class given'} has no @Entity() decorator`,
    );
  }
  if (typeof routePrefix !== 'string' || !/^[\w\-/]*$/.test(routePrefix)) {
    throw new AuthTokenConfigError('routePrefix', `must be a URL path such as "auth" (got ${String(routePrefix)})`);
  }
  return { userEntity, routePrefix, isGlobal, globalGuard };
}

/**
 * The core module of one `forRoot()`/`forRootAsync()` call: ConfigurableModuleBuilder's options provider, plus
 * the options resolved, the repositories of the host's User entity and of the tokens, and the providers that
 * fill the core's seams (the token cache and its subscription to the revocation feed, the API token kind). Each call gets its own core (a
 * host may call `forRoot()` twice, for two user tables), which the `instance` value keeps apart.
 */
export function applyAuthTokenExtras(definition: DynamicModule, extras: AuthTokenModuleExtras): DynamicModule {
  const { userEntity, routePrefix } = checkExtras(extras);
  const tokenEntity = authTokenEntityFor(userEntity);
  return {
    ...definition,
    module: AuthTokenCoreModule,
    imports: [...(definition.imports ?? []), TypeOrmModule.forFeature([tokenEntity, userEntity])],
    providers: [
      ...(definition.providers ?? []),
      { provide: AUTH_TOKEN_INSTANCE, useValue: randomUUID() },
      {
        provide: AUTH_TOKEN_OPTIONS,
        inject: [AUTH_TOKEN_RAW_OPTIONS],
        useFactory: (raw: AuthTokenOptions) => resolveAuthTokenOptions(raw, routePrefix),
      },
      { provide: AUTH_TOKEN_USER_ENTITY, useValue: userEntity },
      repositoryProvider(AUTH_TOKEN_USER_REPOSITORY, userEntity),
      repositoryProvider(AUTH_TOKEN_REPOSITORY, tokenEntity),
      tokenCacheProvider,
      lookupCacheProvider,
      TokenCacheSubscription,
      { provide: BearerTokenKind, useClass: ApiTokenKind },
    ],
    exports: [
      ...(definition.exports ?? []),
      AUTH_TOKEN_OPTIONS,
      AUTH_TOKEN_USER_ENTITY,
      AUTH_TOKEN_USER_REPOSITORY,
      AUTH_TOKEN_REPOSITORY,
      tokenCacheProvider,
      LookupCache,
    ],
  };
}
