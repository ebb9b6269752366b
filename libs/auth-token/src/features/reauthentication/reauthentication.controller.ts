import { Body, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { ReauthenticateDto } from './reauthenticate.dto.js';
import { ReauthenticationService } from './reauthentication.service.js';

/** `POST reauthenticate` under the route prefix: a fresh proof of identity for the current login token. */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@AuthTokenRoutes()
export class ReauthenticationController {
  constructor(private readonly reauthentication: ReauthenticationService) {}

  /**
   * `{password}`, `{code}` for a user with two-factor login, or `{challengeId, response}` of a passkey: 204, and
   * credentials may be created for a while.
   */
  @Post('reauthenticate')
  @HttpCode(HttpStatus.NO_CONTENT)
  async reauthenticate(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: ReauthenticateDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    await this.reauthentication.reauthenticate(user, token.id, body, client);
  }
}
