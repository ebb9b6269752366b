import { HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import type { PasskeyCeremonyOptions } from './passkey-options.js';
import { passkeysOn } from './passkeys.options.js';

/**
 * `POST reauthenticate/passkey/options` under the route prefix: the options for proving who one is with a
 * passkey; the answer goes to `POST reauthenticate`. Login tokens only; 404 while passkeys are off.
 */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@WhenEnabled(passkeysOn)
@AuthTokenRoutes()
export class PasskeyReauthenticationController {
  constructor(
    private readonly assertions: PasskeyAssertions,
    private readonly freshUser: FreshUser,
  ) {}

  /** Request options listing the user's passkeys. */
  @Post('reauthenticate/passkey/options')
  @HttpCode(HttpStatus.OK)
  async reauthenticationOptions(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
  ): Promise<PasskeyCeremonyOptions> {
    return this.assertions.requestOptions('reauthenticate', await this.freshUser.load(user, token.id));
  }
}
