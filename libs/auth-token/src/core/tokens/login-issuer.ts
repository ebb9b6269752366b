import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import { AuthTokenEventPublisher } from '../events/auth-token-event-publisher.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { UserStore } from '../users/user-store.js';
import { TokenService } from './token.service.js';
import { CORE_EVENTS, eventClient } from '../events/auth-token.events.js';
import type { RequestClientInfo } from '../http/request-client.decorator.js';

/** What a completed login answers. */
export interface LoginResult {
  token: string;
  expiresAt: Date;
  user?: unknown;
}

/**
 * The end of every login, whatever proved the user (a password, a second factor): a new login token, the
 * `loginSucceeded` event, and the user as the host serializes it.
 */
@Injectable()
export class LoginIssuer<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly tokens: TokenService<TUser>,
    private readonly events: AuthTokenEventPublisher,
  ) {}

  async issue(user: TUser, client: RequestClientInfo): Promise<LoginResult> {
    const { token, record } = await this.tokens.issue(user, client);
    await this.events.publish(CORE_EVENTS.loginSucceeded, {
      userId: this.users.getId(user),
      tokenId: record.id,
      userAgent: record.userAgent,
      client: eventClient(client),
    });
    const result: LoginResult = { token, expiresAt: record.expiresAt };
    if (this.options.userSerializer) result.user = await this.options.userSerializer(user);
    return result;
  }

  /** The user as the host wants it shown: its `userSerializer`, else `{ id, username }`. */
  async serialize(user: TUser): Promise<unknown> {
    if (this.options.userSerializer) return await this.options.userSerializer(user);
    return { id: this.users.getId(user), username: this.users.getLogin(user) };
  }
}
