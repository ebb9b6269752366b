import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import { AUTH_TOKEN_OPTIONS, AUTH_TOKEN_STRATEGY } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import type { AuthToken } from '../tokens/auth-token.entity.js';
import type { HttpRequest } from '../http/platform.js';
import { TokenService } from '../tokens/token.service.js';
import { andThen, type MaybePromise } from '../tokens/maybe-promise.js';
import { parseAuthorization } from './parse-authorization.js';

/** Why a request was not authenticated: passport's `info` of a failure, read by {@link AuthTokenGuard}'s 401. */
export interface AuthTokenFailure {
  realm: string;
  /** Whether a Token/Bearer credential was sent at all (decides `error="invalid_token"`). */
  presented: boolean;
}

/** A user and the token that authenticated them, or why there is none. */
export type StrategyResult = [object, AuthToken] | [false, AuthTokenFailure];

/**
 * The Passport strategy behind {@link AuthTokenGuard}: reads the Authorization header, checks the token.
 * Resolves to `[user, token]`, or to `[false, failure]`: through passport, a false user with an `info` is a
 * `fail(info)`, so any `AuthGuard('auth-token')` gets the reason in `handleRequest`'s `info` argument.
 */
@Injectable()
export class AuthTokenStrategy extends PassportStrategy(CustomStrategy, AUTH_TOKEN_STRATEGY) {
  constructor(
    private readonly tokens: TokenService,
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
  ) {
    super();
  }

  /** The realm named in challenges (`WWW-Authenticate`). */
  get realm(): string {
    return this.options.realm;
  }

  async validate(request: Pick<HttpRequest, 'headers'>): Promise<StrategyResult> {
    return this.check(parseAuthorization(request.headers.authorization));
  }

  /**
   * Checks a token however it came (an HTTP header, a WebSocket handshake, a message): `undefined` when none was
   * sent, `''` when one was but cannot be a token. A value rather than a promise when the token service answered
   * with one (see {@link TokenService.check}).
   */
  check(credential: string | undefined): MaybePromise<StrategyResult> {
    if (!credential) return this.failure(credential);
    return andThen(this.tokens.check(credential, { apiTokens: true }), (found) =>
      found ? [found.user, found.token] : this.failure(credential),
    );
  }

  private failure(credential: string | undefined): [false, AuthTokenFailure] {
    return [false, { realm: this.options.realm, presented: credential !== undefined }];
  }
}
