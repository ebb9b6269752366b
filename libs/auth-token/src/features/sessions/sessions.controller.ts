import { Delete, Get, HttpCode, HttpStatus, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { AuthTokenGuard } from '../../core/guard/auth-token.guard.js';
import { RequireLoginToken } from '../../core/guard/require-scopes.decorator.js';
import { CurrentToken, CurrentUser } from '../../core/guard/current-user.decorator.js';
import { AuthTokenRoutes } from '../../core/http/auth-token-routes.decorator.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { deviceName } from './device-name.js';
import type { SessionDto } from './session.dto.js';
import { SESSIONS_MESSAGES } from './sessions.messages.js';
import { SESSIONS_EVENTS } from './sessions.events.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { eventClient } from '../../core/events/auth-token.events.js';
import { RequestClient, type RequestClientInfo } from '../../core/http/request-client.decorator.js';
import { UserStore } from '../../core/users/user-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The signed-in user's sessions (live tokens) under the route prefix: list, revoke one, revoke all. */
@UseGuards(AuthTokenGuard)
@RequireLoginToken()
@AuthTokenRoutes()
export class SessionsController {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserStore,
    private readonly events: AuthTokenEventPublisher,
  ) {}

  /** The user's live tokens, most recently used first. */
  @Get('sessions')
  async list(@CurrentUser() user: object, @CurrentToken() current: AuthToken): Promise<SessionDto[]> {
    const records = await this.tokens.listForUser(user);
    return records.map(({ id, createdAt, lastUsedAt, expiresAt, userAgent, ip }) => ({
      id,
      createdAt,
      lastUsedAt,
      expiresAt,
      userAgent,
      device: deviceName(userAgent),
      ip,
      current: id === current.id,
    }));
  }

  /** Revokes one of the user's tokens. Another user's id, or an unknown one: 404, indistinguishably. */
  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(@CurrentUser() user: object, @Param('id') id: string): Promise<void> {
    // Session ids are uuids; anything else cannot exist and need not reach the database.
    if (!UUID.test(id) || !(await this.tokens.revokeOwn(user, id, 'session', 'login')))
      throw new NotFoundException(SESSIONS_MESSAGES.noSuchSession);
  }

  /** Revokes every token of the user, this one included ("log out everywhere"). */
  @Delete('sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeAll(@CurrentUser() user: object, @RequestClient() client: RequestClientInfo): Promise<void> {
    const revoked = await this.tokens.revokeAllForUser(user, undefined, 'all-sessions');
    await this.events.publish(SESSIONS_EVENTS.sessionsRevoked, {
      userId: this.users.getId(user),
      revoked,
      client: eventClient(client),
    });
  }
}
