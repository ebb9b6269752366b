import { Body, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken, RequireReauthentication } from '../../core/guard/require-scopes.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import { EnableTotpDto, MfaPasswordDto } from './mfa.dto.js';
import { MfaService, type TotpSetup } from './mfa.service.js';

export const mfaOn = (options: ResolvedAuthTokenOptions) => options.mfa.key !== null;

/**
 * The signed-in user's second factor under the route prefix; login tokens only; 404 while `mfa` is off. Every
 * change is decided on the database's user (gone or inactive: 401), never on a cached copy. Adding an
 * authenticator creates a credential: it needs a recent proof of identity, so a stolen token cannot lock the
 * owner out with the thief's authenticator.
 */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@WhenEnabled(mfaOn)
@AuthTokenRoutes()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly freshUser: FreshUser,
  ) {}

  /** A new secret for an authenticator app; nothing is on until `totp/enable` gets a valid code. */
  @Post('mfa/totp/setup')
  @RequireReauthentication()
  @HttpCode(HttpStatus.OK)
  async setup(@CurrentUser() user: object, @CurrentToken() token: AuthToken): Promise<TotpSetup> {
    return this.mfa.setup(await this.freshUser.load(user, token.id));
  }

  /** Turns the second factor on; the ten recovery codes are in this answer only. */
  @Post('mfa/totp/enable')
  @RequireReauthentication()
  @HttpCode(HttpStatus.OK)
  async enable(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: EnableTotpDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<{ recoveryCodes: string[] }> {
    return { recoveryCodes: await this.mfa.enable(await this.freshUser.load(user, token.id), body.code, client) };
  }

  /** Turns the second factor off; needs the password. */
  @Post('mfa/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  async disable(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: MfaPasswordDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    await this.mfa.disable(await this.freshUser.load(user, token.id), body.password, client);
  }

  /** Ten new recovery codes (the old ones stop working); needs the password. */
  @Post('mfa/recovery-codes')
  @HttpCode(HttpStatus.OK)
  async recoveryCodes(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: MfaPasswordDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<{ recoveryCodes: string[] }> {
    return {
      recoveryCodes: await this.mfa.regenerateRecoveryCodes(
        await this.freshUser.load(user, token.id),
        body.password,
        client,
      ),
    };
  }
}
