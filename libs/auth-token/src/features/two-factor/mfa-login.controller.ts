import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { Public } from '../../core/guard/public.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { LoginResult } from '../../core/tokens/login-issuer.js';
import { mfaOn } from './mfa.controller.js';
import { MfaLoginDto, MfaPasskeyOptionsDto } from './mfa.dto.js';
import type { PasskeyCeremonyOptions } from '../passkeys/passkey-options.js';
import { passkeysOn } from '../passkeys/passkeys.options.js';
import { MfaLoginService } from './mfa-login.service.js';
import { TWO_FACTOR_MESSAGES } from './two-factor.messages.js';

/**
 * `POST login/mfa` (and `login/mfa/passkey/options`) under the route prefix: the second step of a login with a
 * second factor; 404 while `mfa` is off.
 */
@WhenEnabled(mfaOn)
@AuthTokenRoutes()
export class MfaLoginController {
  constructor(private readonly mfaLogins: MfaLoginService) {}

  /** The mfaToken of the password step and a TOTP code, a recovery code, or a passkey's answer. */
  @Public()
  @Post('login/mfa')
  @HttpCode(HttpStatus.OK)
  loginMfa(@Body() body: MfaLoginDto, @RequestClient() client: RequestClientInfo): Promise<LoginResult> {
    const passkey =
      body.challengeId !== undefined || body.response !== undefined
        ? { challengeId: body.challengeId, response: body.response }
        : undefined;
    if (!body.code && !body.recoveryCode && !passkey)
      throw new FieldErrorsException({ code: [TWO_FACTOR_MESSAGES.mfaProofRequired] });
    return this.mfaLogins.complete(
      body.mfaToken,
      { code: body.code, recoveryCode: body.recoveryCode, passkey },
      client,
    );
  }

  /** Request options listing the passkeys of the mfaToken's user; 404 while passkeys are off. */
  @Public()
  @WhenEnabled((options) => mfaOn(options) && passkeysOn(options))
  @Post('login/mfa/passkey/options')
  @HttpCode(HttpStatus.OK)
  passkeyOptions(@Body() body: MfaPasskeyOptionsDto): Promise<PasskeyCeremonyOptions> {
    return this.mfaLogins.passkeyOptions(body.mfaToken);
  }
}
