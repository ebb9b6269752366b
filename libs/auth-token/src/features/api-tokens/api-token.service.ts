import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { FieldErrorsException, type FieldErrors } from '../../core/errors/field-errors.exception.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore } from '../../core/users/user-store.js';
import { API_TOKENS_MESSAGES } from './api-tokens.messages.js';
import { API_TOKENS_EVENTS } from './api-tokens.events.js';
import { eventClient } from '../../core/events/auth-token.events.js';

/** Who asks (see `RequestClient`); told in the events, and from there in the security log and mails. */
type ApiTokenClient = { ip?: string; userAgent?: string; acceptLanguage?: string };

/** What an API token is made with. */
export interface CreateApiTokenInput {
  /** 1-100 characters, e.g. "CI deploy". */
  name: string;
  /** Declared scopes (the `scopes` option); none by default. */
  scopes?: string[];
  /** Seconds until it dies, at most `apiTokens.maxTtl`. @default apiTokens.ttl */
  expiresIn?: number;
}

/** A new API token: the raw value (shown once) and its stored row. */
export interface CreatedApiToken {
  token: string;
  record: AuthToken;
}

/**
 * Personal access tokens ("API tokens") for scripts and CI: named, scoped, with a fixed expiry; stored as
 * digests like login tokens, with their own prefix. Exported for hosts (an admin screen, a CLI).
 */
@Injectable()
export class ApiTokenService<TUser extends object = object> {
  private readonly userKey: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<UserBound<AuthToken>>,
    private readonly users: UserStore<TUser>,
    private readonly tokenService: TokenService<TUser>,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
  ) {
    this.userKey = new UserKey(tokens);
  }

  /**
   * Creates an API token; 400 naming the field for a bad name, scope or lifetime, 409 past `apiTokens.maxPerUser`.
   * The cap holds under parallel requests on every database: each new token is counted after it is stored, and
   * one that finds more than the cap removes itself (a count made after every other survivor was stored would
   * have seen them all).
   */
  async create(user: TUser, input: CreateApiTokenInput, client?: ApiTokenClient): Promise<CreatedApiToken> {
    const { name, scopes, expiresIn } = this.checked(input);
    const { maxPerUser, prefix } = this.options.apiTokens;
    const full = () => new ConflictException(API_TOKENS_MESSAGES.tooManyApiTokens(maxPerUser));
    // The common refusal without a write.
    if ((await this.count(user)) >= maxPerUser) throw full();
    const { token, record } = await this.tokenService.store(user, {
      kind: 'api',
      prefix,
      lifetime: expiresIn,
      name,
      scopes,
    });
    if ((await this.count(user)) > maxPerUser) {
      await this.tokens.delete({ id: record.id });
      throw full();
    }
    await this.events.publish(API_TOKENS_EVENTS.apiTokenCreated, {
      userId: this.users.getId(user),
      tokenId: record.id,
      name,
      scopes,
      expiresAt: record.expiresAt,
      client: eventClient(client),
    });
    return { token, record };
  }

  private count(user: TUser): Promise<number> {
    return this.tokens
      .createQueryBuilder('token')
      .where(...this.userKey.is(this.users.getId(user), 'token'))
      .andWhere("token.kind = 'api'")
      .andWhere('token.expiresAt > :now', { now: this.clock.now() })
      .getCount();
  }

  /** The user's live API tokens, newest first (never the tokens themselves). */
  async list(user: TUser): Promise<AuthToken[]> {
    return this.tokens
      .createQueryBuilder('token')
      .where(...this.userKey.is(this.users.getId(user), 'token'))
      .andWhere("token.kind = 'api'")
      .andWhere('token.expiresAt > :now', { now: this.clock.now() })
      .orderBy('token.createdAt', 'DESC')
      .getMany();
  }

  /** Revokes one of the user's API tokens; resolves to false for another user's, a login token's or an unknown id. */
  async revoke(user: TUser, tokenId: string, client?: ApiTokenClient): Promise<boolean> {
    const [record] = (await this.list(user)).filter((token) => token.id === tokenId);
    if (!record || !(await this.tokenService.revokeOwn(user, tokenId, 'session', 'api'))) return false;
    await this.events.publish(API_TOKENS_EVENTS.apiTokenRevoked, {
      userId: this.users.getId(user),
      tokenId,
      name: record.name ?? '',
      client: eventClient(client),
    });
    return true;
  }

  private checked({ name, scopes = [], expiresIn }: CreateApiTokenInput): {
    name: string;
    scopes: string[];
    expiresIn: number;
  } {
    const { ttl, maxTtl } = this.options.apiTokens;
    const errors: FieldErrors = {};
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed.length < 1 || trimmed.length > 100) errors.name = [API_TOKENS_MESSAGES.apiTokenName];
    if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string'))
      errors.scopes = [API_TOKENS_MESSAGES.scopesList];
    else {
      const undeclared = scopes.filter((scope) => !Object.hasOwn(this.options.scopes, scope));
      if (undeclared.length) errors.scopes = undeclared.map((scope) => API_TOKENS_MESSAGES.undeclaredScope(scope));
    }
    const lifetime = expiresIn ?? ttl;
    if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1 || lifetime > maxTtl)
      errors.expiresIn = [API_TOKENS_MESSAGES.expiresIn(maxTtl)];
    if (Object.keys(errors).length) throw new FieldErrorsException(errors);
    return { name: trimmed, scopes: [...new Set(scopes)], expiresIn: lifetime };
  }
}
