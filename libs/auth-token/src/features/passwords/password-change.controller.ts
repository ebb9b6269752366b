import { Body, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { ChangePasswordDto } from './dto/password.dto.js';
import { PasswordService } from './password.service.js';

/** `password/change` under the route prefix. */
@AuthTokenRoutes()
export class PasswordChangeController {
  constructor(private readonly passwords: PasswordService) {}

  /** Changes the signed-in user's password; every other session of the user is logged out. */
  @Post('password/change')
  @UseGuards(AuthTokenGuard)
  @RequireLoginToken()
  @HttpCode(HttpStatus.NO_CONTENT)
  async change(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: ChangePasswordDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    await this.passwords.change(user, token.id, body.currentPassword, body.newPassword, client);
  }
}
