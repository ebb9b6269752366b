import { HttpException, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { AUTH_TOKEN_STRATEGY } from '../auth-token.constants.js';
import { AUTH_TOKEN_FAILURE } from '../auth-token.internal-constants.js';
import { AuthTokenUnavailableException, InvalidTokenException } from '../errors/auth-token.exceptions.js';
import type { AuthTokenFailure } from '../strategy/auth-token.strategy.js';
import { IS_PUBLIC_KEY } from './public.decorator.js';

/**
 * Guards a route with the token strategy: `@UseGuards(AuthTokenGuard)`. Without a valid token it answers 401
 * with a JSON body and a `WWW-Authenticate: Bearer realm="..."` challenge. Routes marked `@Public()` pass.
 */
@Injectable()
export class AuthTokenGuard extends AuthGuard(AUTH_TOKEN_STRATEGY) {
  private readonly logger = new Logger(AuthTokenGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    return super.canActivate(context);
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
