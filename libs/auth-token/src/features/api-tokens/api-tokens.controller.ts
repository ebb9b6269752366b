import { Body, Delete, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { RequireLoginToken, RequireReauthentication } from '../../core/guard/require-scopes.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { WhenEnabled } from '../../core/http/route-enabled.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto, toApiTokenDto } from './api-token.dto.js';
import { ApiTokenService } from './api-token.service.js';
import { API_TOKENS_MESSAGES } from './api-tokens.messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const apiTokensOn = (options: ResolvedAuthTokenOptions) => options.apiTokens.enabled;

/**
 * The signed-in user's API tokens under the route prefix: create, list, revoke. Login tokens only; 404 while
 * `apiTokens.enabled` is off.
 */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@WhenEnabled(apiTokensOn)
@AuthTokenRoutes()
export class ApiTokensController {
  constructor(
    private readonly apiTokens: ApiTokenService,
    private readonly freshUser: FreshUser,
  ) {}

  /**
   * Creates an API token; the raw token is in this answer and nowhere else, ever. A lasting credential: it needs a
   * recent proof of identity, and is decided on the database's user and token, never on a cached copy.
   */
  @Post('tokens')
  @RequireReauthentication()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentUser() user: object,
    @CurrentToken() current: AuthToken,
    @Body() body: CreateApiTokenDto,
    @RequestClient() client: RequestClientInfo,
  ): Promise<CreatedApiTokenDto> {
    const fresh = await this.freshUser.load(user, current.id);
    const { token, record } = await this.apiTokens.create(fresh, body, client);
    const { id, name, scopes, createdAt, expiresAt } = toApiTokenDto(record);
    return { token, id, name, scopes, createdAt, expiresAt };
  }

  /** The user's live API tokens, newest first. */
  @Get('tokens')
  async list(@CurrentUser() user: object): Promise<ApiTokenDto[]> {
    return (await this.apiTokens.list(user)).map(toApiTokenDto);
  }

  /** Revokes one of the user's API tokens. Another user's id, or an unknown one: 404, indistinguishably. */
  @Delete('tokens/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(
    @CurrentUser() user: object,
    @Param('id') id: string,
    @RequestClient() client: RequestClientInfo,
  ): Promise<void> {
    if (!UUID.test(id) || !(await this.apiTokens.revoke(user, id, client)))
      throw new NotFoundException(API_TOKENS_MESSAGES.noSuchApiToken);
  }
}
