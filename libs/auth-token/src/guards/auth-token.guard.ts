import { HttpException, Injectable, Logger, Optional, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import passport from 'passport';
import { AUTH_TOKEN_STRATEGY } from '../auth-token.constants.js';
import { AUTH_TOKEN_FAILURE } from '../auth-token.internal-constants.js';
import { AuthTokenUnavailableException, InvalidTokenException } from '../errors/auth-token.exceptions.js';
import { AuthTokenStrategy, type AuthTokenFailure } from '../strategy/auth-token.strategy.js';
import { IS_PUBLIC_KEY } from './public.decorator.js';

/** The registered strategy, as `AuthTokenStrategy.validate` sees it. */
interface TokenStrategy {
  validate(request: Request): Promise<[object, unknown] | null>;
}

/** Passport's lookup of a registered strategy (public since passport 0.1, if underscore-named). */
const registeredStrategy = () => (passport as unknown as { _strategy(name: string): TokenStrategy | undefined })._strategy(AUTH_TOKEN_STRATEGY);

/**
 * Guards a route with the token strategy: `@UseGuards(AuthTokenGuard)`. Without a valid token it answers 401
 * with a JSON body and a `WWW-Authenticate: Bearer realm="..."` challenge. Routes marked `@Public()` pass.
 *
 * It is an `AuthGuard('auth-token')` (same `handleRequest`, `getRequest` and `request.user`/`authInfo`), but
 * calls the registered passport strategy directly instead of through `passport.authenticate`, whose generic
 * per-request machinery (redirects, sessions, flash messages: nothing a token check uses) cost more than
 * the token check itself. A plain `AuthGuard('auth-token')` still authenticates with the same strategy (with
 * passport's bare 401).
 */
@Injectable()
export class AuthTokenGuard extends AuthGuard(AUTH_TOKEN_STRATEGY) {
  private readonly logger = new Logger(AuthTokenGuard.name);

  constructor(
    private readonly reflector: Reflector,
    // The strategy of the module this guard is used in, when that module imports AuthTokenModule (or it is
    // global). Passport's registry is one per process, so with two apps in one process (tests, say) only this
    // keeps each guard on its own app's strategy.
    @Optional() private readonly ownStrategy?: AuthTokenStrategy,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const strategy = this.ownStrategy ?? registeredStrategy();
    if (!strategy) return super.canActivate(context) as Promise<boolean>;
    const request: { authInfo?: unknown; user?: unknown } = this.getRequest(context);
    let found: [object, unknown] | null = null;
    let failure: unknown = null;
    try {
      found = await strategy.validate(request as Request);
    } catch (error) {
      failure = error;
    }
    request.authInfo = found?.[1];
    request.user = this.handleRequest(failure, found?.[0] ?? false, found?.[1], context);
    return true;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false | null, _info: unknown, context: ExecutionContext): TUser {
    if (err) {
      if (err instanceof HttpException) throw err;
      // A failing database must not look like a bad token (401) or a bug (500): the client may retry.
      this.logger.error(`Token check failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new AuthTokenUnavailableException();
    }
    if (user) return user;
    const request = context.switchToHttp().getRequest<Request>();
    const failure = (request as unknown as Record<symbol, AuthTokenFailure | undefined>)[AUTH_TOKEN_FAILURE];
    const realm = failure?.realm ?? 'api';
    const presented = failure?.presented ?? false;
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('WWW-Authenticate', `Bearer realm="${realm}"${presented ? ', error="invalid_token"' : ''}`);
    response.setHeader('Cache-Control', 'no-store');
    throw new InvalidTokenException(presented);
  }
}
