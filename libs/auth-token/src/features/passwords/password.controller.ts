import { Body, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { Public } from '../../core/guard/public.decorator.js';
import { ClientIp } from '../../core/http/client-ip.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { ChangePasswordDto, ConfirmPasswordResetDto, RequestPasswordResetDto } from './dto/password.dto.js';
import { PasswordService } from './password.service.js';

const resetOn = (options: ResolvedAuthTokenOptions) => options.passwordReset.url !== undefined;

/** `password/change`, `password/reset` and `password/reset/confirm` under the route prefix. */
@AuthTokenRoutes()
export class PasswordController {
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
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.passwords.change(user, token.id, body.currentPassword, body.newPassword, { ip });
  }

  /** Mails a reset link if an account has this address. Always 202, so the answer tells nothing about accounts. */
  @Public()
  @Post('password/reset')
  @WhenEnabled(resetOn)
  @HttpCode(HttpStatus.ACCEPTED)
  async requestReset(
    @Body() body: RequestPasswordResetDto,
    @ClientIp() ip: string,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    await this.passwords.requestReset(body.email, { ip, acceptLanguage });
    return { success: true };
  }

  /** Sets a new password with the mailed token; logs the user out everywhere. */
  @Public()
  @Post('password/reset/confirm')
  @WhenEnabled(resetOn)
  @HttpCode(HttpStatus.NO_CONTENT)
  async confirmReset(@Body() body: ConfirmPasswordResetDto): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword);
  }
}
