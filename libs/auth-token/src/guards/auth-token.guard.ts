import { HttpException, Injectable, InternalServerErrorException, Logger, Optional, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { AUTH_TOKEN_STRATEGY } from '../auth-token.constants.js';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import {
  AuthTokenUnavailableException,
  InsufficientScopeException,
  InvalidTokenException,
  LoginTokenRequiredException,
  RecentLoginRequiredException,
} from '../errors/auth-token.exceptions.js';
import type { AuthToken } from '../tokens/auth-token.entity.js';
import { RECENT_LOGIN_KEY, REQUIRE_LOGIN_TOKEN_KEY, REQUIRED_SCOPES_KEY } from './require-scopes.decorator.js';
import { Clock } from '../time/clock.js';
import { isOutage } from '../errors/outage.js';
import { AuthTokenStrategy, type AuthTokenFailure } from '../strategy/auth-token.strategy.js';
import { IS_OPTIONAL_AUTH_KEY, IS_PUBLIC_KEY } from './public.decorator.js';

const isFailure = (info: unknown): info is AuthTokenFailure => typeof info === 'object' && info !== null && 'presented' in info;

/** What a route's decorators ask of the guard, read once per route. */
interface RouteRules {
  isPublic: boolean;
  isOptional: boolean;
  /** `@RequireRecentLogin(seconds)` */
  recentLogin: number | undefined;
  /** `@RequireLoginToken()` */
  loginTokenOnly: boolean;
  /** `@RequireScopes(...)` of the handler and its class, without repeats. */
  scopes: string[];
}

/**
 * Guards a route with the token strategy: `@UseGuards(AuthTokenGuard)`. Without a valid token it answers 401
 * with a JSON body and a `WWW-Authenticate: Bearer realm="..."` challenge. Routes marked `@Public()` pass
 * without a look at the token; routes marked `@OptionalAuth()` pass without one, and with a valid one.
 *
 * It is an `AuthGuard('auth-token')` (same `handleRequest`, `getRequest` and `request.user`/`authInfo`), but
 * calls its own module's strategy (injected) directly instead of through `passport.authenticate`, whose generic
 * per-request machinery (redirects, sessions, flash messages: nothing a token check uses) cost more than the
 * token check itself. Injecting the strategy also keeps two apps in one process apart, where passport's
 * registry (one per process) would let the last one's strategy serve both.
 */
@Injectable()
export class AuthTokenGuard extends AuthGuard(AUTH_TOKEN_STRATEGY) {
  private readonly logger = new Logger(AuthTokenGuard.name);
  private readonly strategy: AuthTokenStrategy;
  /** Rules by handler, then by class (a handler inherited by several controllers has one entry per class). */
  private readonly routes = new WeakMap<Function, Map<Function, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    @Optional() strategy?: AuthTokenStrategy,
    @Optional() private readonly clock?: Clock,
  ) {
    super();
    // Optional only so that this message, rather than Nest's generic one, says what to do.
    if (!strategy) {
      throw new AuthTokenConfigError(
        'AuthTokenGuard',
        'is used in a module that cannot see AuthTokenModule: import the module that calls AuthTokenModule.forRoot() (and exports it) there, or pass isGlobal: true to forRoot()',
      );
    }
    this.strategy = strategy;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const request: Request = this.getRequest(context);
    let result: Awaited<ReturnType<AuthTokenStrategy['validate']>> = [false, { realm: 'api', presented: false }];
    let failure: unknown = null;
    try {
      result = await this.strategy.validate(request);
    } catch (error) {
      failure = error;
    }
    const [user, info] = result;
    if (!user && !failure && isFailure(info) && !info.presented && rules.isOptional) {
      // Object.assign: passport types `request.user` as its own (empty) User interface, which null does not fit.
      Object.assign(request, { user: null });
      return true;
    }
    Object.assign(request, { user: this.handleRequest(failure, user, info, context), authInfo: info });
    // Login tokens carry every scope and reach every route: only an API token is checked further.
    if ((info as AuthToken).kind === 'api') this.checkApiToken(info as AuthToken, context, rules);
    this.checkRecentLogin(info as AuthToken, rules);
    return true;
  }

  /**
   * The route's rules, read with the Reflector on its first request and kept: decorators are fixed by then, and
   * the metadata lookups took a profiled 1 % of a request's CPU.
   */
  private rulesOf(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byClass = this.routes.get(handler);
    let rules = byClass?.get(controller);
    if (rules) return rules;
    const targets = [handler, controller];
    rules = {
      isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true,
      isOptional: this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH_KEY, targets) === true,
      recentLogin: this.reflector.getAllAndOverride<number | undefined>(RECENT_LOGIN_KEY, targets),
      loginTokenOnly: this.reflector.getAllAndOverride<boolean>(REQUIRE_LOGIN_TOKEN_KEY, targets) === true,
      scopes: [...new Set(this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES_KEY, targets) ?? [])],
    };
    if (!byClass) this.routes.set(handler, (byClass = new Map()));
    byClass.set(controller, rules);
    return rules;
  }

  /** `@RequireRecentLogin(seconds)`: a login token from a login at most that long ago. */
  private checkRecentLogin(token: AuthToken, { recentLogin: seconds }: RouteRules): void {
    if (seconds === undefined) return;
    const age = (this.clock?.now() ?? new Date()).getTime() - token.createdAt.getTime();
    if (token.kind !== 'login' || age > seconds * 1000) throw new RecentLoginRequiredException(seconds);
  }

  /** 403 for an API token on a login-token route, or without a scope the route needs (RFC 6750 §3.1). */
  private checkApiToken(token: AuthToken, context: ExecutionContext, { loginTokenOnly, scopes: needed }: RouteRules): void {
    if (loginTokenOnly) throw new LoginTokenRequiredException();
    const missing = needed.filter((scope) => !token.scopes?.includes(scope));
    if (missing.length === 0) return;
    const refusal = new InsufficientScopeException(this.strategy.realm, needed, missing);
    const response = context.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(refusal.headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    throw refusal;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false | null, info: unknown, context: ExecutionContext): TUser {
    if (err) {
      if (err instanceof HttpException) throw err;
      // A database that is down must not look like a bad token (401): the client may retry (503). Anything
      // else is a fault of the app or its schema (500), logged with its cause.
      if (isOutage(err)) {
        this.logger.error(`Token check failed, the database is unavailable: ${err instanceof Error ? err.message : String(err)}`);
        throw new AuthTokenUnavailableException();
      }
      this.logger.error(`Token check failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      throw new InternalServerErrorException();
    }
    if (user) return user;
    const { realm, presented } = isFailure(info) ? info : { realm: 'api', presented: false };
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('WWW-Authenticate', `Bearer realm="${realm}"${presented ? ', error="invalid_token"' : ''}`);
    response.setHeader('Cache-Control', 'no-store');
    throw new InvalidTokenException(presented);
  }
}
