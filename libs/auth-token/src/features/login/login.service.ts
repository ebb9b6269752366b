import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { EmailNotConfirmedException, InvalidCredentialsException } from './login.exceptions.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import type { LoginFailedEvent } from './login.events.js';
import { accountOf, requireClientIp, type LoginClient } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { canonicalUsername } from '../../core/users/username.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { LoginIssuer, type LoginResult } from '../../core/tokens/login-issuer.js';
import { SecondStep, type MfaChallenge } from './second-step.js';
import { PasswordCheck } from '../passwords/password-check.js';
import { PasswordHasher } from '../../core/hashing/password-hasher.js';
import { UserStore } from '../../core/users/user-store.js';
import { LOGIN_EVENTS } from './login.events.js';
import { eventClient } from '../../core/events/auth-token.events.js';

/** Checks a login name and password, then hands over to the second step or issues the token; logout; `/auth/me`. */
@Injectable()
export class LoginService<TUser extends object = object> implements OnModuleInit {
  /** Verified against when the user does not exist, so that every attempt costs exactly one KDF run. */
  private dummyHash = '';

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly attempts: LoginThrottle,
    private readonly passwords: PasswordCheck<TUser>,
    private readonly issuer: LoginIssuer<TUser>,
    private readonly secondStep: SecondStep<TUser>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
  }

  /**
   * Logs in with a login name and password. Unknown user, wrong password and inactive account all end in
   * the same {@link InvalidCredentialsException}, after the same single password verification, and all count
   * as failed logins of the account (see {@link LoginThrottle}); past a limit the answer is a 429 before any
   * verification. `client.ip` is required: it is what the per-address limits count.
   *
   * For a user with a second factor the right password earns a challenge, not a token, and leaves the
   * account's failure count as it was: only a completed login clears it, so repeating the password step never
   * buys more guesses of the code.
   */
  async login(login: string, password: string, client: LoginClient): Promise<LoginResult | MfaChallenge> {
    const ip = requireClientIp(client?.ip);
    return this.passwords.inSlot(ip, () => this.checkPassword(login, password, client, ip));
  }

  private async checkPassword(
    login: string,
    password: string,
    client: LoginClient,
    ip: string,
  ): Promise<LoginResult | MfaChallenge> {
    const user = await this.users.findByLogin(login);
    const account = user ? accountOf(this.users.getId(user)) : `name:${canonicalUsername(login)}`;
    const hash = user ? this.users.getPasswordHash(user) : null;
    const matches = await this.passwords.matches(password, hash ?? this.dummyHash, account, ip);
    const failed = async (reason: LoginFailedEvent['reason'], error: Error) => {
      const userId = user ? this.users.getId(user) : null;
      await this.events.publish(LOGIN_EVENTS.loginFailed, {
        username: login,
        userId,
        reason,
        client: eventClient(client),
      });
      return error;
    };
    if (!user || !hash || !matches) throw await failed('invalid-credentials', new InvalidCredentialsException());
    // Said only after the password was right (which the 403 itself reveals), so it tells a guesser nothing new.
    if (this.awaitsConfirmation(user)) {
      await this.attempts.succeeded(account, ip);
      throw await failed('email-not-confirmed', new EmailNotConfirmedException());
    }
    // A deactivated account stays a failure in every respect, counters included: nothing tells the guess was right.
    if (!this.users.isActive(user)) throw await failed('invalid-credentials', new InvalidCredentialsException());
    if (this.hasher.needsRehash(hash)) await this.users.setPasswordHash(user, await this.hasher.hash(password));
    const challenge = await this.secondStep.begin(user, { userAgent: client.userAgent, ip });
    if (challenge) {
      // No failure, yet no clearing either: this attempt alone is taken back.
      await this.attempts.cancel(account, ip);
      return challenge;
    }
    await this.attempts.succeeded(account, ip);
    return this.issuer.issue(user, { ...client, ip });
  }

  private awaitsConfirmation(user: TUser): boolean {
    return this.options.emailConfirm.enabled && !this.users.isEmailConfirmed(user);
  }

  /** Revokes the token a request came with (and no other). */
  async logout(user: TUser, tokenId: string, client?: Partial<LoginClient>): Promise<void> {
    if (await this.tokens.revokeOwn(user, tokenId, 'logout')) {
      await this.events.publish(LOGIN_EVENTS.logout, {
        userId: this.users.getId(user),
        tokenId,
        client: eventClient(client),
      });
    }
  }

  /**
   * What `GET /auth/me` shows: the serialized user, with what the second step adds (`mfaEnabled` when two-factor
   * login is available) when the serialized user is an object.
   */
  async describe(user: TUser): Promise<unknown> {
    const serialized = await this.issuer.serialize(user);
    if (serialized === null || typeof serialized !== 'object' || Array.isArray(serialized)) return serialized;
    return { ...serialized, ...(await this.secondStep.describe(user)) };
  }
}
