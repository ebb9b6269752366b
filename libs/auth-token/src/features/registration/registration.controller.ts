import { Body, Get, Headers, HttpCode, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { EmailConfirmationService } from './email-confirmation.service.js';
import { Public } from '../../core/guard/public.decorator.js';
import { ClientIp } from '../../core/http/client-ip.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import { redirect, sendText, type HttpResponse } from '../../core/http/platform.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { RegisterDto, ResendConfirmationDto } from './dto/register.dto.js';
import { RegistrationService } from './registration.service.js';
import { REGISTRATION_MESSAGES } from './registration.messages.js';

const registrationOn = (options: ResolvedAuthTokenOptions) => options.registration.enabled;

/** `register`, `register/resend` and `register/confirm/:token` under the route prefix; 404 while registration is off. */
@Public()
@AuthTokenRoutes()
@WhenEnabled(registrationOn)
export class RegistrationController {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly registration: RegistrationService,
    private readonly confirmation: EmailConfirmationService,
  ) {}

  /** Creates an account; with e-mail confirmation on, mails the link and refuses logins until it is opened. */
  @Post('register')
  @HttpCode(HttpStatus.CREATED)
  async register(
    @Body() body: RegisterDto,
    @ClientIp() ip: string,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    await this.registration.register(body, { ip, acceptLanguage });
    return { success: true };
  }

  /**
   * Mails a fresh link to an unconfirmed account. Always 202, so the answer tells nothing about accounts (and
   * nothing is sent while e-mail confirmation is off).
   */
  @Post('register/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  async resend(
    @Body() body: ResendConfirmationDto,
    @ClientIp() ip: string,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    await this.confirmation.resend(body, { ip, acceptLanguage });
    return { success: true };
  }

  /**
   * Opens a confirmation link: redirects to the success path, or to the invalid path (else 400 plain text).
   * While e-mail confirmation is off no link exists, so every one is invalid.
   */
  @Get('register/confirm/:token')
  confirmByGet(@Res() response: HttpResponse, @Param('token') token: string) {
    return this.confirm(response, token);
  }

  @Post('register/confirm/:token')
  confirmByPost(@Res() response: HttpResponse, @Param('token') token: string) {
    return this.confirm(response, token);
  }

  private async confirm(response: HttpResponse, token: string): Promise<void> {
    const { success, invalid } = this.options.emailConfirm.redirect;
    if (await this.confirmation.confirm(token)) return redirect(response, HttpStatus.FOUND, success);
    if (invalid) return redirect(response, HttpStatus.FOUND, invalid);
    sendText(response, HttpStatus.BAD_REQUEST, REGISTRATION_MESSAGES.invalidConfirmationLink);
  }
}
