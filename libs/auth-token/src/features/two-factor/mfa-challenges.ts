import { Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import type { UserBound } from '../../core/users/user-bound-entity.js';
import type { AuthToken } from '../../core/tokens/auth-token.entity.js';
import { digestToken, isWellFormedToken } from '../../core/tokens/token-secret.js';
import { TokenService, type IssueTokenOptions } from '../../core/tokens/token.service.js';

/** Prefix of second-factor challenges (`mfaToken`): neither a login nor an API token's. */
const CHALLENGE_PREFIX = 'natmfa';
/** Wrong codes a challenge survives: the fifth ends it. */
const MAX_FAILURES = 5;

/**
 * Second-factor challenges: the short-lived `mfaToken` a right password earns when the user has a second factor.
 * Stored in auth_token as a digest, of their own kind (`mfa`) and prefix, so they are no bearer token anywhere.
 */
@Injectable()
export class MfaChallenges<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_TOKEN_REPOSITORY) private readonly tokens: Repository<UserBound<AuthToken>>,
    private readonly tokenService: TokenService<TUser>,
    private readonly clock: Clock,
  ) {}

  /** A new challenge for `user`, living `ttl` seconds; the raw mfaToken is returned once. */
  async issue(user: TUser, client: IssueTokenOptions, ttl: number): Promise<string> {
    return (await this.tokenService.store(user, { kind: 'mfa', prefix: CHALLENGE_PREFIX, lifetime: ttl, client }))
      .token;
  }

  /** The live challenge `token` and its user, or null. */
  async find(token: string): Promise<{ record: AuthToken; user: TUser } | null> {
    if (typeof token !== 'string' || !isWellFormedToken(token, CHALLENGE_PREFIX)) return null;
    const digest = digestToken(token, this.options.tokens.pepper);
    const record = await this.tokens.findOne({ where: { digest, kind: 'mfa' }, relations: { user: true } });
    if (!record?.user || record.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    const user = record.user as TUser;
    delete record.user;
    return { record, user };
  }

  /**
   * Counts a wrong code given with a challenge; the fifth ends it, so that a stolen password alone gets at most
   * five guesses per challenge whatever the throttling allows.
   */
  async fail(id: string): Promise<void> {
    const tokens = this.tokens;
    await tokens
      .createQueryBuilder()
      .update()
      .set({ failures: () => 'failures + 1' })
      .where('id = :id', { id })
      .andWhere("kind = 'mfa'")
      .execute();
    await tokens
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id })
      .andWhere("kind = 'mfa'")
      .andWhere('failures >= :max', { max: MAX_FAILURES })
      .execute();
  }

  /** Spends a challenge; resolves to false when another request spent it first. */
  async spend(id: string): Promise<boolean> {
    const result = await this.tokens.delete({ id, kind: 'mfa' });
    return (result.affected ?? 0) > 0;
  }
}
