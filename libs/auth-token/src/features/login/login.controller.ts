import { Body, Delete, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { Public } from '../../core/guard/public.decorator.js';
import { AllowApiTokens } from '../../core/guard/require-scopes.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { LoginDto } from './dto/login.dto.js';
import type { LoginResult } from '../../core/tokens/login-issuer.js';
import { LoginService } from './login.service.js';
import type { MfaChallenge } from './second-step.js';

/** `POST login`, `DELETE|POST logout` and `GET me`, mounted under the route prefix (default `auth`). */
@AuthTokenRoutes()
export class LoginController {
  constructor(private readonly logins: LoginService) {}

  /** Exchanges a login name and password for a new token (one per login, so each device logs out alone). */
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  login(@Body() body: LoginDto, @RequestClient() client: RequestClientInfo): Promise<LoginResult | MfaChallenge> {
    return this.logins.login(body.username, body.password, client);
  }

  /** Revokes the token that authenticated this request, and no other. */
  @Delete('logout')
  @UseGuards(AuthTokenGuard)
  @AllowApiTokens()
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    await this.logins.logout(user, token.id, client);
  }

  /** The same as `DELETE logout`, for clients (and HTML forms) that only POST. */
  @Post('logout')
  @UseGuards(AuthTokenGuard)
  @AllowApiTokens()
  @HttpCode(HttpStatus.NO_CONTENT)
  logoutByPost(
    @CurrentUser() user: object,
    @CurrentToken() token: AuthToken,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    return this.logout(user, token, client);
  }

  /** The current user, serialized. */
  @Get('me')
  @UseGuards(AuthTokenGuard)
  @AllowApiTokens()
  me(@CurrentUser() user: object): Promise<unknown> {
    return this.logins.describe(user);
  }
}
