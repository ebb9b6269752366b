import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { REQUIRED_SCOPES_KEY } from './require-scopes.decorator.js';

/**
 * At start-up, refuses a `@RequireScopes()` naming a scope the `scopes` option does not declare: no API token
 * could ever be given it, so the route would silently answer every API token 403. Scans the app's controllers
 * and providers (GraphQL resolvers, gateways) once.
 */
@Injectable()
export class ScopeCheck implements OnModuleInit {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const instance: unknown = wrapper.instance;
      const { metatype } = wrapper;
      if (!instance || typeof instance !== 'object' || typeof metatype !== 'function') continue;
      this.checkTarget(metatype, metatype.name);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method];
        if (typeof handler === 'function') this.checkTarget(handler, `${metatype.name}.${method}`);
      }
    }
  }

  private checkTarget(target: object, route: string): void {
    const scopes = (Reflect.getMetadata(REQUIRED_SCOPES_KEY, target) as string[] | undefined) ?? [];
    const undeclared = scopes.find((scope) => !Object.hasOwn(this.options.scopes, scope));
    if (undeclared !== undefined) {
      throw new AuthTokenConfigError(
        'scopes',
        `does not declare "${undeclared}", which @RequireScopes() on ${route} needs: add it to the scopes option, or fix the name`,
      );
    }
  }
}
