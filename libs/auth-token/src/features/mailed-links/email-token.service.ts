import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_EMAIL_TOKEN_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { TooManyAttemptsException } from '../../core/errors/too-many-attempts.exception.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { Clock } from '../../core/time/clock.js';
import { digestToken } from '../../core/tokens/token-secret.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore } from '../../core/users/user-store.js';
import type { AuthEmailToken, EmailTokenPurpose } from './auth-email-token.entity.js';

/** 32 random bytes in base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A valid link token and the user it belongs to. */
export interface FoundEmailToken<TUser extends object> {
  record: AuthEmailToken;
  user: TUser;
}

/** Makes, finds and spends the tokens of mailed links (confirmation, password reset). */
@Injectable()
export class EmailTokenService<TUser extends object = object> {
  private readonly userKey: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_EMAIL_TOKEN_REPOSITORY) private readonly tokens: Repository<UserBound<AuthEmailToken>>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
    private readonly throttle: ThrottleService,
  ) {
    this.userKey = new UserKey(tokens);
  }

  /**
   * Whether a new link for `purpose` may be mailed to the user now: none went out in the last `interval` seconds
   * (or the last one has expired), and no parallel request took this turn first. The turn is a counter of one in
   * the throttle table (shared by instances), lasting `interval` or until a link of `linkTtl` would expire.
   */
  async mayMail(user: TUser, purpose: EmailTokenPurpose, interval: number, linkTtl: number): Promise<boolean> {
    if (await this.sentRecently(user, purpose, interval)) return false;
    const turn = {
      scope: `link-${purpose}`,
      identity: String(this.users.getId(user)),
      limit: 1,
      window: Math.min(interval, linkTtl),
    };
    try {
      await this.throttle.hit([turn]);
      return true;
    } catch (error) {
      if (error instanceof TooManyAttemptsException) return false;
      throw error;
    }
  }

  /** A new link token (256 random bits) for `user`, bound to `email`; only its digest is stored. */
  async create(user: TUser, purpose: EmailTokenPurpose, email: string, ttl: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.tokens.insert({
      id: randomUUID(),
      purpose,
      digest: this.digest(token),
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
      user,
    });
    return token;
  }

  /** The unexpired token for `purpose` whose address is still the user's; null for anything else. */
  async find(token: string, purpose: EmailTokenPurpose): Promise<FoundEmailToken<TUser> | null> {
    if (!LINK_TOKEN.test(token)) return null;
    const record = await this.tokens
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.user', 'user')
      .where('link.digest = :digest', { digest: this.digest(token) })
      .getOne();
    if (!record?.user || record.purpose !== purpose) return null;
    if (record.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    const user = record.user as TUser;
    delete record.user;
    const current = this.users.getEmail(user);
    if (!current || current.toLowerCase() !== record.email.toLowerCase()) return null;
    return { record, user };
  }

  /** Deletes one token; resolves to false when another request spent it first. */
  async spend(record: AuthEmailToken): Promise<boolean> {
    const result = await this.tokens.delete({ id: record.id });
    return (result.affected ?? 0) > 0;
  }

  /** Deletes every token of the user for `purpose` (e.g. after a password reset, or an address change). */
  async revokeAll(user: TUser, purpose: EmailTokenPurpose): Promise<void> {
    await this.tokens
      .createQueryBuilder()
      .delete()
      .where(...this.userKey.is(this.users.getId(user)))
      .andWhere('purpose = :purpose', { purpose })
      .execute();
  }

  /** Whether a link for `purpose` went to this user less than `interval` seconds ago and still works. */
  async sentRecently(user: TUser, purpose: EmailTokenPurpose, interval: number): Promise<boolean> {
    const newest = await this.tokens
      .createQueryBuilder('link')
      .where(...this.userKey.is(this.users.getId(user), 'link'))
      .andWhere('link.purpose = :purpose', { purpose })
      .orderBy('link.createdAt', 'DESC')
      .getOne();
    if (!newest) return false;
    const now = this.clock.now().getTime();
    // Once the last link has expired the user has nothing to click: a new one goes out at once.
    return now - newest.createdAt.getTime() < interval * 1000 && newest.expiresAt.getTime() > now;
  }

  private digest(token: string): string {
    return digestToken(token, this.options.tokens.pepper);
  }
}
