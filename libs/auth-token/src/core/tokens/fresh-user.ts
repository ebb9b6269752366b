import { Injectable } from '@nestjs/common';
import { InvalidTokenException } from '../errors/auth-token.exceptions.js';
import { UserStore } from '../users/user-store.js';
import { TokenService } from './token.service.js';

/**
 * The signed-in user as the database has it, for decisions about credentials (create an API token, change the
 * password or the second factor): never the token cache's copy, which may be up to `tokens.cacheTtl` old.
 */
@Injectable()
export class FreshUser<TUser extends object = object> {
  constructor(
    private readonly users: UserStore<TUser>,
    private readonly tokens: TokenService<TUser>,
  ) {}

  /** The stored user; 401 when it is gone or inactive, or the token `tokenId` was revoked meanwhile. */
  async load(user: TUser, tokenId: string): Promise<TUser> {
    const fresh = await this.users.findById(this.users.getId(user));
    if (!fresh || !this.users.isActive(fresh) || !(await this.tokens.isLive(tokenId)))
      throw new InvalidTokenException(true);
    return fresh;
  }
}
