import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { Public } from '../../core/guard/public.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { LoginResult } from '../../core/tokens/login-issuer.js';
import { mfaOn } from './mfa.controller.js';
import { MfaLoginDto } from './mfa.dto.js';
import { MfaLoginService } from './mfa-login.service.js';
import { TWO_FACTOR_MESSAGES } from './two-factor.messages.js';

/** `POST login/mfa` under the route prefix: the second step of a login with a second factor; 404 while `mfa` is off. */
@WhenEnabled(mfaOn)
@AuthTokenRoutes()
export class MfaLoginController {
  constructor(private readonly mfaLogins: MfaLoginService) {}

  /** The mfaToken of the password step and a TOTP code or a recovery code. */
  @Public()
  @Post('login/mfa')
  @HttpCode(HttpStatus.OK)
  loginMfa(@Body() body: MfaLoginDto, @RequestClient() client: RequestClientInfo): Promise<LoginResult> {
    if (!body.code && !body.recoveryCode)
      throw new FieldErrorsException({ code: [TWO_FACTOR_MESSAGES.mfaProofRequired] });
    return this.mfaLogins.complete(body.mfaToken, { code: body.code, recoveryCode: body.recoveryCode }, client);
  }
}
