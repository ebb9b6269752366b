import { Body, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Public } from '../../core/guard/public.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { ClientIp } from '../../core/http/client-ip.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { LoginResult } from '../../core/tokens/login-issuer.js';
import { PasskeyLoginService } from './passkey-login.service.js';
import type { PasskeyCeremonyOptions } from './passkey-options.js';
import { PasskeyAnswerDto } from './passkeys.dto.js';
import { passkeysOn } from './passkeys.options.js';

/** `POST login/passkey/options` and `POST login/passkey` under the route prefix; 404 while passkeys are off. */
@WhenEnabled(passkeysOn)
@AuthTokenRoutes()
export class PasskeyLoginController {
  constructor(private readonly logins: PasskeyLoginService) {}

  /** Request options naming no passkey: the authenticator offers the user's discoverable passkeys of this site. */
  @Public()
  @Post('login/passkey/options')
  @HttpCode(HttpStatus.OK)
  loginOptions(@ClientIp() ip: string): Promise<PasskeyCeremonyOptions> {
    return this.logins.requestOptions(ip);
  }

  /** Logs in with the authenticator's answer: the body of a login, without a second step. */
  @Public()
  @Post('login/passkey')
  @HttpCode(HttpStatus.OK)
  login(
    @Body() body: PasskeyAnswerDto,
    @ClientIp() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<LoginResult> {
    return this.logins.login(body, { ip, userAgent });
  }
}
