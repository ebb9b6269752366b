import { Body, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken, RequireReauthentication } from '../../core/guard/require-scopes.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import type { PasskeyCeremonyOptions } from './passkey-options.js';
import { PasskeyRegistration, type AddedPasskey } from './passkey-registration.js';
import { PasskeyService, type PasskeySummary } from './passkey.service.js';
import { RegisterPasskeyDto, RenamePasskeyDto } from './passkeys.dto.js';
import { passkeysOn } from './passkeys.options.js';

/**
 * The signed-in user's passkeys under the route prefix; login tokens only; 404 while passkeys are off. Adding
 * one creates a credential: its options need a recent proof of identity, so a stolen token cannot add the
 * thief's passkey.
 */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@WhenEnabled(passkeysOn)
@AuthTokenRoutes()
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeyService,
    private readonly registration: PasskeyRegistration,
    private readonly freshUser: FreshUser,
  ) {}

  /** Creation options for a new passkey (and the challenge's id to send back with the answer). */
  @Post('passkeys/register/options')
  @RequireReauthentication()
  @HttpCode(HttpStatus.OK)
  async registrationOptions(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
  ): Promise<PasskeyCeremonyOptions> {
    return this.registration.creationOptions(await this.freshUser.load(user, token.id));
  }

  /** Stores the new passkey from the authenticator's answer. */
  @Post('passkeys/register')
  @HttpCode(HttpStatus.CREATED)
  async register(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @Body() body: RegisterPasskeyDto,
  ): Promise<AddedPasskey> {
    return this.registration.register(await this.freshUser.load(user, token.id), body, body.name);
  }

  /** The user's passkeys, oldest first. */
  @Get('passkeys')
  list(@CurrentUser() user: object): Promise<PasskeySummary[]> {
    return this.passkeys.list(user);
  }

  /** Renames one of the user's passkeys. */
  @Patch('passkeys/:id')
  rename(
    @CurrentUser() user: object,
    @Param('id') id: string,
    @Body() body: RenamePasskeyDto,
  ): Promise<PasskeySummary> {
    return this.passkeys.rename(user, id, body.name);
  }

  /** Removes one of the user's passkeys. */
  @Delete('passkeys/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() user: object, @Param('id') id: string): Promise<void> {
    await this.passkeys.remove(user, id);
  }
}
