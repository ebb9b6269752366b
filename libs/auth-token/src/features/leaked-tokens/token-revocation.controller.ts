import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Public } from '../../core/guard/public.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import { leakedTokensOn } from './leak-report.controller.js';
import { LeakedTokens } from './leaked-tokens.service.js';
import { RevokeTokensDto } from './revoke-tokens.dto.js';

/** `POST tokens/revoke` under the route prefix: anyone who finds a token ends it; works with API tokens off. */
@Public()
@WhenEnabled(leakedTokensOn)
@AuthTokenRoutes()
export class TokenRevocationController {
  constructor(private readonly leaked: LeakedTokens) {}

  /** Always 202 (per-IP limit aside): the answer never tells whether a token was valid. */
  @Post('tokens/revoke')
  @HttpCode(HttpStatus.ACCEPTED)
  async revoke(@Body() body: RevokeTokensDto, @RequestClient() client: RequestClientInfo): Promise<{ success: true }> {
    await this.leaked.revokeFound(body.tokens, client);
    return { success: true };
  }
}
