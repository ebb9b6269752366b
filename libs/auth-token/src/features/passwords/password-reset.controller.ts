import { Body, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Public } from '../../core/guard/public.decorator.js';
import { ClientIp } from '../../core/http/client-ip.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { ConfirmPasswordResetDto, RequestPasswordResetDto } from './dto/password.dto.js';
import { PasswordService } from './password.service.js';

const resetOn = (options: ResolvedAuthTokenOptions) => options.passwordReset.url !== undefined;

/** `password/reset` and `password/reset/confirm` under the route prefix, while `passwordReset.url` is set. */
@Public()
@AuthTokenRoutes()
@WhenEnabled(resetOn)
export class PasswordResetController {
  constructor(private readonly passwords: PasswordService) {}

  /** Mails a reset link if an account has this address. Always 202, so the answer tells nothing about accounts. */
  @Post('password/reset')
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
  @Post('password/reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  async confirmReset(@Body() body: ConfirmPasswordResetDto, @RequestClient() client: RequestClientInfo): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword, client);
  }
}
