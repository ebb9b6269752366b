import { Body, Delete, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import { AUTH_TOKEN_MESSAGES } from '../errors/auth-token.messages.js';
import { InvalidTokenException } from '../errors/auth-token.exceptions.js';
import { AuthTokenGuard } from '../guards/auth-token.guard.js';
import { CurrentToken, CurrentUser } from '../guards/current-user.decorator.js';
import { RequireLoginToken } from '../guards/require-scopes.decorator.js';
import { NoStoreInterceptor } from '../http/no-store.interceptor.js';
import { ServiceUnavailableFilter } from '../http/service-unavailable.filter.js';
import { authTokenValidationPipe } from '../http/validation.pipe.js';
import type { AuthToken } from '../tokens/auth-token.entity.js';
import { TokenService } from '../tokens/token.service.js';
import { UserStore } from '../users/user-store.js';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto, toApiTokenDto } from './api-token.dto.js';
import { ApiTokenService } from './api-token.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The signed-in user's API tokens under the route prefix: create, list, revoke. Login tokens only. */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@UseInterceptors(NoStoreInterceptor)
@UseFilters(ServiceUnavailableFilter)
@UsePipes(authTokenValidationPipe())
export class ApiTokensController {
  constructor(
    private readonly apiTokens: ApiTokenService,
    private readonly tokens: TokenService,
    private readonly users: UserStore,
  ) {}

  /** Creates an API token; the raw token is in this answer and nowhere else, ever. */
  @Post('tokens')
  @HttpCode(HttpStatus.CREATED)
  async create(@CurrentUser() user: object, @CurrentToken() current: AuthToken, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    // Minting a credential is decided on the database's user and token, never on a cached copy.
    const fresh = await this.users.findById(this.users.getId(user));
    if (!fresh || !this.users.isActive(fresh) || !(await this.tokens.isLive(current.id))) throw new InvalidTokenException(true);
    const { token, record } = await this.apiTokens.create(fresh, body);
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
  async revoke(@CurrentUser() user: object, @Param('id') id: string): Promise<void> {
    if (!UUID.test(id) || !(await this.apiTokens.revoke(user, id))) throw new NotFoundException(AUTH_TOKEN_MESSAGES.noSuchApiToken);
  }
}
