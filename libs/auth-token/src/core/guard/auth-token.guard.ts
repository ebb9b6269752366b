import {
  HttpException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
  Optional,
  type ExecutionContext,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AUTH_TOKEN_OPTIONS, AUTH_TOKEN_STRATEGY } from '../module/auth-token.constants.js';
import { AuthTokenConfigError } from '../errors/auth-token-config.error.js';
import {
  ApiTokenNotAllowedException,
  AuthTokenUnavailableException,
  InsufficientScopeException,
  InvalidTokenException,
  LoginTokenRequiredException,
  ReauthenticationRequiredException,
} from '../errors/auth-token.exceptions.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import type { AuthToken } from '../tokens/auth-token.entity.js';
import {
  ALLOW_API_TOKENS_KEY,
  REAUTHENTICATION_KEY,
  REQUIRE_LOGIN_TOKEN_KEY,
  REQUIRED_SCOPES_KEY,
} from './require-scopes.decorator.js';
import { Clock } from '../time/clock.js';
import { isOutage } from '../errors/outage.js';
import { AuthTokenStrategy, type AuthTokenFailure, type StrategyResult } from './auth-token.strategy.js';
import type { MaybePromise } from '../tokens/maybe-promise.js';
import { credentialOf, refusalFor, setResponseHeaders, type CredentialHolder } from './transport-context.js';
import { IS_OPTIONAL_AUTH_KEY, IS_PUBLIC_KEY } from './public.decorator.js';

const isFailure = (info: unknown): info is AuthTokenFailure =>
  typeof info === 'object' && info !== null && 'presented' in info;

/** What a route's decorators ask of the guard, read once per route. */
interface RouteRules {
  isPublic: boolean;
  isOptional: boolean;
  /** Seconds of `@RequireReauthentication()` (the window option when it names none). */
  reauthentication: number | undefined;
  /** `@RequireLoginToken()` */
  loginTokenOnly: boolean;
  /** `@AllowApiTokens()`, or scopes named: whether an API token may reach the route at all. */
  allowsApiTokens: boolean;
  /** `@RequireScopes(...)` of the handler and its class, without repeats. */
  scopes: string[];
}

/**
 * Guards a route with the token strategy: `@UseGuards(AuthTokenGuard)`. Without a valid token it answers 401
 * with a JSON body and a `WWW-Authenticate: Bearer realm="..."` challenge. It guards GraphQL resolvers,
 * WebSocket message handlers and microservice handlers too, each in its transport's terms (see
 * transport-context.ts). Routes marked `@Public()` pass
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
  private readonly logger = new Logger('AuthToken');
  private readonly strategy: AuthTokenStrategy;
  /** The token check of each GraphQL request being answered, by the object its user goes on. */
  private readonly checkedOperations = new WeakMap<object, Promise<StrategyResult>>();
  /** Rules by handler, then by class (a handler inherited by several controllers has one entry per class). */
  private readonly routes = new WeakMap<object, Map<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    @Optional() strategy?: AuthTokenStrategy,
    @Optional() private readonly clock?: Clock,
    @Optional() @Inject(AUTH_TOKEN_OPTIONS) private readonly options?: ResolvedAuthTokenOptions,
    @Optional() moduleRef?: ModuleRef,
  ) {
    super();
    // Optional only so that this message, rather than Nest's generic one, says what to do.
    if (!strategy) {
      throw new AuthTokenConfigError(
        'isGlobal',
        'cannot see AuthTokenModule: import there the module that calls AuthTokenModule.forRoot() (and exports it), or pass isGlobal: true to forRoot()',
        `AuthTokenGuard, used in ${hostModuleName(moduleRef)},`,
      );
    }
    this.strategy = strategy;
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const { holder, established, credential } = credentialOf(context);
    if (established) return this.settle(context, rules, holder, [established.user, established.token], null);
    let checked: MaybePromise<StrategyResult>;
    try {
      checked = this.checkOnce(context, holder, credential);
    } catch (error) {
      return this.settle(context, rules, holder, undefined, error);
    }
    // A check answered at once (better-sqlite3) is settled at once: no promise on the request's path.
    return checked instanceof Promise
      ? checked.then(
          (result) => this.settle(context, rules, holder, result, null),
          (error: unknown) => this.settle(context, rules, holder, undefined, error),
        )
      : this.settle(context, rules, holder, checked, null);
  }

  /**
   * Admits the request (true) or refuses it in its transport's terms: the HTTP exception, a GraphQL error, a
   * WebSocket or RPC exception (then as a rejected promise: those classes are loaded when first needed).
   */
  private settle(
    context: ExecutionContext,
    rules: RouteRules,
    holder: CredentialHolder,
    result: StrategyResult | undefined,
    failure: unknown,
  ): boolean | Promise<boolean> {
    try {
      return this.admit(
        context,
        rules,
        holder,
        result ?? [false, { realm: this.strategy.realm, presented: false }],
        failure,
      );
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      return refusalFor(context, error).then((refusal) => {
        throw refusal;
      });
    }
  }

  private admit(
    context: ExecutionContext,
    rules: RouteRules,
    holder: CredentialHolder,
    [user, info]: StrategyResult,
    failure: unknown,
  ): boolean {
    if (!user && !failure && isFailure(info) && !info.presented && rules.isOptional) {
      holder.user = null;
      return true;
    }
    holder.user = this.handleRequest(failure, user, info, context);
    holder.authInfo = info;
    // Login tokens carry every scope and reach every route: only an API token is checked further.
    if ((info as AuthToken).kind !== 'login') this.checkApiToken(info as AuthToken, context, rules);
    this.checkReauthentication(info as AuthToken, rules);
    return true;
  }

  /**
   * The token check of the request; over GraphQL once per request, however many of its fields are guarded (each
   * field runs the guard).
   */
  private checkOnce(
    context: ExecutionContext,
    holder: object,
    credential: string | undefined,
  ): MaybePromise<StrategyResult> {
    if (context.getType<string>() !== 'graphql') return this.strategy.check(credential);
    let checked = this.checkedOperations.get(holder);
    // As a promise, so that a check that throws is shared by the fields too.
    if (!checked) this.checkedOperations.set(holder, (checked = (async () => this.strategy.check(credential))()));
    return checked;
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
    const reauthentication = this.reflector.getAllAndOverride<number | true | undefined>(REAUTHENTICATION_KEY, targets);
    const scopes = [...new Set(this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES_KEY, targets) ?? [])];
    rules = {
      isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true,
      isOptional: this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH_KEY, targets) === true,
      reauthentication: reauthentication === true ? (this.options?.reauthentication.window ?? 900) : reauthentication,
      loginTokenOnly: this.reflector.getAllAndOverride<boolean>(REQUIRE_LOGIN_TOKEN_KEY, targets) === true,
      allowsApiTokens:
        scopes.length > 0 || this.reflector.getAllAndOverride<boolean>(ALLOW_API_TOKENS_KEY, targets) === true,
      scopes,
    };
    if (!byClass) this.routes.set(handler, (byClass = new Map<object, RouteRules>()));
    byClass.set(controller, rules);
    return rules;
  }

  /** `@RequireReauthentication(seconds)`: a login token whose user proved who they are at most that long ago. */
  private checkReauthentication(token: AuthToken, { reauthentication: seconds }: RouteRules): void {
    if (seconds === undefined) return;
    const provedAt = token.kind === 'login' ? token.authenticatedAt : null;
    const age = provedAt ? (this.clock?.now() ?? new Date()).getTime() - provedAt.getTime() : Infinity;
    if (age > seconds * 1000) throw new ReauthenticationRequiredException(seconds);
  }

  /**
   * 403 for an API token on a login-token route, on a route that names no scope (least privilege, unless
   * `@AllowApiTokens()`), or without a scope the route needs (RFC 6750 §3.1).
   */
  private checkApiToken(
    token: AuthToken,
    context: ExecutionContext,
    { loginTokenOnly, allowsApiTokens, scopes: needed }: RouteRules,
  ): void {
    if (loginTokenOnly) throw new LoginTokenRequiredException();
    if (!allowsApiTokens) throw new ApiTokenNotAllowedException();
    const missing = needed.filter((scope) => !token.scopes?.includes(scope));
    if (missing.length === 0) return;
    const refusal = new InsufficientScopeException(this.strategy.realm, needed, missing);
    setResponseHeaders(context, { ...refusal.headers, 'Cache-Control': 'no-store' });
    throw refusal;
  }

  override handleRequest<TUser>(
    err: unknown,
    user: TUser | false | null,
    info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (err) {
      if (err instanceof HttpException) throw err;
      // A database that is down must not look like a bad token (401): the client may retry (503). Anything
      // else is a fault of the app or its schema (500), logged with its cause.
      if (isOutage(err)) {
        this.logger.error(`Token check failed, the database is unavailable: ${describeError(err)}`);
        throw new AuthTokenUnavailableException();
      }
      this.logger.error(
        `Token check failed: ${err instanceof Error ? (err.stack ?? err.message) : describeError(err)}`,
      );
      throw new InternalServerErrorException();
    }
    if (user) return user;
    const { realm, presented } = isFailure(info) ? info : { realm: 'api', presented: false };
    setResponseHeaders(context, {
      'WWW-Authenticate': `Bearer realm="${realm}"${presented ? ', error="invalid_token"' : ''}`,
      'Cache-Control': 'no-store',
    });
    throw new InvalidTokenException(presented);
  }
}

/**
 * The name of the module whose injector builds the guard (the module of the controller or resolver using it), for
 * the start-up error; Nest offers no public way to ask a ModuleRef for its module, so this looks it up among the
 * container's modules and falls back to a description.
 */
function hostModuleName(moduleRef: ModuleRef | undefined): string {
  type Modules = Map<string, { metatype?: { name?: string }; providers: Map<unknown, { instance?: unknown }> }>;
  const container = (moduleRef as unknown as { container?: { getModules(): Modules } } | undefined)?.container;
  for (const module of container?.getModules().values() ?? []) {
    if (module.providers.get(ModuleRef)?.instance === moduleRef && module.metatype?.name) return module.metatype.name;
  }
  return 'a module';
}

/** What to log of a thrown value: an Error's message, or the value as JSON (a thrown object is no string). */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
