import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { Clock } from '../time/clock.js';
import { UserStore } from '../users/user-store.js';
import type { AuthToken, AuthTokenWithUser } from './auth-token.entity.js';
import { digestToken, generateToken, isWellFormedToken } from './token-secret.js';

/** A freshly issued token: the raw value (shown once, to the client) and its stored row. */
export interface IssuedToken<TUser extends object = object> {
  token: string;
  record: AuthToken;
}

/** A token that authenticated a request, and its owner. */
export interface AuthenticatedToken<TUser extends object = object> {
  user: TUser;
  token: AuthToken;
}

export interface IssueTokenOptions {
  /** The client's `User-Agent`, kept to help users tell their sessions apart. */
  userAgent?: string | null;
}

const MAX_USER_AGENT = 512;

/** Issues, verifies and revokes tokens. Exported for hosts (e.g. to issue a token after an OAuth login). */
@Injectable()
export class TokenService<TUser extends object = any> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<AuthTokenWithUser<TUser>>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
  ) {}

  /** Issues a new token for `user`. The raw token is returned once and never stored. */
  async issue(user: TUser, { userAgent }: IssueTokenOptions = {}): Promise<IssuedToken<TUser>> {
    const { prefix, ttl, pepper } = this.options.tokens;
    const token = generateToken(prefix);
    const now = this.clock.now();
    const record = this.tokens.create({
      id: randomUUID(),
      digest: digestToken(token, pepper),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
      lastUsedAt: null,
      userAgent: sanitizeUserAgent(userAgent),
    } as AuthToken);
    await this.tokens.insert({ ...record, user } as never);
    return { token, record };
  }

  /**
   * The live token matching `token` and its active owner, or null. A token of the wrong shape is refused
   * before any database work; otherwise this is a hash and one indexed lookup joined with the user.
   */
  async authenticate(token: string): Promise<AuthenticatedToken<TUser> | null> {
    const { prefix, pepper } = this.options.tokens;
    if (!isWellFormedToken(token, prefix)) return null;
    const record = await this.tokens
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where('token.digest = :digest', { digest: digestToken(token, pepper) })
      .getOne();
    if (!record?.user || record.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    const { user } = record;
    delete record.user;
    return this.users.isActive(user) ? { user, token: record } : null;
  }

  /** Revokes every token of `user`, except the one with id `exceptId` (the caller's own, say). */
  async revokeAllForUser(user: TUser, exceptId?: string): Promise<number> {
    const query = this.tokens
      .createQueryBuilder()
      .delete()
      .where(`${this.userIdColumn()} = :userId`, { userId: this.users.getId(user) });
    if (exceptId) query.andWhere('id <> :exceptId', { exceptId });
    return (await query.execute()).affected ?? 0;
  }

  private userIdColumn(): string {
    return userIdColumnOf(this.tokens);
  }

  /** Revokes one token by its public id. Resolves to whether a token was revoked. */
  async revoke(tokenId: string): Promise<boolean> {
    const result = await this.tokens.delete({ id: tokenId } as never);
    return (result.affected ?? 0) > 0;
  }
}

/** The escaped name of the foreign-key column pointing at the user. */
function userIdColumnOf(tokens: Repository<object>): string {
  const [column] = tokens.metadata.manyToOneRelations[0].joinColumns;
  return tokens.manager.connection.driver.escape(column.databaseName);
}

function sanitizeUserAgent(userAgent: string | null | undefined): string | null {
  if (typeof userAgent !== 'string') return null;
  const printable = userAgent.replace(/[^\x20-\x7e]/g, '').trim();
  return printable ? printable.slice(0, MAX_USER_AGENT) : null;
}
