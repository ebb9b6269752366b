import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { bodyLimitOf } from './body-limits.js';
import { refuseLargeBody } from './body-size.js';
import { refuseForeignOrigin } from './foreign-origin.js';
import type { HttpRequest } from './platform.js';

/**
 * The first guard of every route of the library (see `@AuthTokenRoutes()`): a state-changing request from a
 * foreign origin, then a body over its controller's limit, are refused before any other guard, pipe or handler.
 * A guard rather than middleware, so that it runs for the library's routes only and costs the host's routes
 * nothing (Nest's middleware for a list of routes is one router layer per route, tested by every request). On
 * Fastify the same checks also run before the body is read (fastify-screening.ts).
 */
@Injectable()
export class RequestScreeningGuard implements CanActivate {
  private readonly trusted: ReadonlySet<string>;

  constructor(@Inject(AUTH_TOKEN_OPTIONS) options: ResolvedAuthTokenOptions) {
    this.trusted = new Set(options.trustedOrigins);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    refuseForeignOrigin(request, this.trusted);
    refuseLargeBody(request, bodyLimitOf(context.getClass()));
    return true;
  }
}
