import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { BearerTokenKind } from '../../core/tokens/bearer-token-kind.js';

/** API tokens as a bearer-token kind of the core: `natapi_…`, accepted while `apiTokens.enabled` is on. */
@Injectable()
export class ApiTokenKind extends BearerTokenKind {
  readonly kind = 'api';
  readonly prefix: string;
  readonly enabled: boolean;

  constructor(@Inject(AUTH_TOKEN_OPTIONS) { apiTokens }: ResolvedAuthTokenOptions) {
    super();
    this.prefix = apiTokens.prefix;
    this.enabled = apiTokens.enabled;
  }
}
