import type { AuthTokenKind } from './auth-token.entity.js';

/**
 * A kind of bearer token a feature adds beside login tokens (the API tokens): the seam through which the core
 * learns its prefix and whether it is on. Such tokens keep a fixed expiry (only login tokens slide), and the guard
 * applies scopes and least privilege to them.
 */
export abstract class BearerTokenKind {
  abstract readonly kind: Exclude<AuthTokenKind, 'login'>;
  abstract readonly prefix: string;
  abstract readonly enabled: boolean;
}
