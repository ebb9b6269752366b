import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { getMetadataArgsStorage } from 'typeorm';
import {
  AUTH_TOKEN_OPTIONS,
  AUTH_TOKEN_USER_ENTITY,
  AUTH_TOKEN_USER_REPOSITORY,
} from './core/module/auth-token.constants.js';
import {
  AUTH_EMAIL_TOKEN_REPOSITORY,
  AUTH_MFA_REPOSITORY,
  AUTH_TOKEN_CONTROLLERS,
  AUTH_TOKEN_RAW_OPTIONS,
  AUTH_TOKEN_REPOSITORY,
} from './core/module/auth-token.internal-constants.js';
import { authMfaEntityFor } from './features/two-factor/auth-mfa.entity.js';
import { MfaController } from './features/two-factor/mfa.controller.js';
import { MfaLoginController } from './features/two-factor/mfa-login.controller.js';
import { ApiTokensController } from './features/api-tokens/api-tokens.controller.js';
import { authEmailTokenEntityFor } from './features/mailed-links/auth-email-token.entity.js';
import { authTokenEntities } from './entities.js';
import { AuthTokenConfigError } from './core/errors/auth-token-config.error.js';
import { AuthTokenGuard } from './core/guard/auth-token.guard.js';
import { mountController } from './core/http/mount-controller.js';
import { LoginController } from './features/login/login.controller.js';
import type { AuthTokenModuleExtras, AuthTokenOptions } from './core/options/auth-token-options.interface.js';
import { resolveAuthTokenOptions } from './options.js';
import { PasswordController } from './features/passwords/password.controller.js';
import { ReauthenticationController } from './features/reauthentication/reauthentication.controller.js';
import { RegistrationController } from './features/registration/registration.controller.js';
import { repositoryProvider } from './core/module/repositories.js';
import { SessionsController } from './features/sessions/sessions.controller.js';
import { authTokenEntityFor } from './core/tokens/auth-token.entity.js';

/** Extras shape the module (entities, routes, global registration), so they sit at the top level of both forms. */
export const AUTH_TOKEN_EXTRAS: AuthTokenModuleExtras = {
  userEntity: undefined,
  routePrefix: 'auth',
  isGlobal: false,
  globalGuard: false,
};

/**
 * The part of the module that depends on the extras: the entities bound to the host's User entity and their
 * repositories, the controllers mounted at the route prefix, `global`, and the optional global guard. Every
 * other provider is fixed, in `@Module` on AuthTokenModule.
 */
export function applyAuthTokenExtras(definition: DynamicModule, extras: AuthTokenModuleExtras): DynamicModule {
  const { userEntity, routePrefix = 'auth', isGlobal, globalGuard } = extras;
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
  return withOwnControllers({
    ...definition,
    global: isGlobal,
    imports: [...(definition.imports ?? []), TypeOrmModule.forFeature([...authTokenEntities(userEntity), userEntity])],
    controllers: [
      LoginController,
      ReauthenticationController,
      SessionsController,
      ApiTokensController,
      MfaController,
      MfaLoginController,
      RegistrationController,
      PasswordController,
    ].map((controller) => mountController(controller, routePrefix)),
    providers: [
      ...(definition.providers ?? []),
      {
        provide: AUTH_TOKEN_OPTIONS,
        inject: [AUTH_TOKEN_RAW_OPTIONS],
        useFactory: (raw: AuthTokenOptions) => resolveAuthTokenOptions(raw, routePrefix),
      },
      { provide: AUTH_TOKEN_USER_ENTITY, useValue: userEntity },
      repositoryProvider(AUTH_TOKEN_USER_REPOSITORY, userEntity),
      repositoryProvider(AUTH_TOKEN_REPOSITORY, authTokenEntityFor(userEntity)),
      repositoryProvider(AUTH_EMAIL_TOKEN_REPOSITORY, authEmailTokenEntityFor(userEntity)),
      repositoryProvider(AUTH_MFA_REPOSITORY, authMfaEntityFor(userEntity)),
      ...(globalGuard ? [{ provide: APP_GUARD, useExisting: AuthTokenGuard }] : []),
    ],
    exports: [...(definition.exports ?? []), AUTH_TOKEN_OPTIONS, AUTH_TOKEN_USER_ENTITY, AUTH_TOKEN_USER_REPOSITORY],
  });
}

/** `module` with its mounted controllers as a provider: the module screens requests to these routes only. */
function withOwnControllers(module: DynamicModule): DynamicModule {
  const ownControllers = { provide: AUTH_TOKEN_CONTROLLERS, useValue: module.controllers ?? [] };
  return { ...module, providers: [...(module.providers ?? []), ownControllers] };
}
