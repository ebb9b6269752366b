import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../auth-token.constants.js';
import { EmailNotConfirmedException, InvalidCredentialsException } from '../errors/auth-token.exceptions.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { AuthTokenEventPublisher } from '../events/auth-token-event-publisher.js';
import { AUTH_TOKEN_EVENTS } from '../events/auth-token.events.js';
import { ThrottleService, type ThrottleKey } from '../throttle/throttle.service.js';
import { TokenService } from '../tokens/token.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { UserStore } from '../users/user-store.js';

/** What `POST /auth/login` answers. */
export interface LoginResult {
  token: string;
  expiresAt: Date;
  user?: unknown;
}

/** Checks credentials and issues tokens; also serializes users for the responses. */
@Injectable()
export class LoginService<TUser extends object = any> implements OnModuleInit {
  /** Verified against when the user does not exist, so that every attempt costs exactly one KDF run. */
  private dummyHash = '';

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly throttle: ThrottleService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
  }

  /**
   * Logs in with a login name and password. Unknown user, wrong password and inactive account all end in
   * the same {@link InvalidCredentialsException}, after the same single password verification. Too many
   * failures for the name or from the IP end in a 429 before any verification.
   */
  async login(login: string, password: string, userAgent?: string, ip = 'unknown'): Promise<LoginResult> {
    const [byUser, byIp]: ThrottleKey[] = [
      { scope: 'login-user', identity: login },
      { scope: 'login-ip', identity: ip },
    ];
    // Counted before the password is checked, so that parallel guesses cannot slip past the limit.
    await this.throttle.hit([byUser, byIp]);
    const user = await this.users.findByLogin(login);
    const hash = user ? this.users.getPasswordHash(user) : null;
    const matches = await this.hasher.verify(password, hash ?? this.dummyHash);
    if (!user || !hash || !matches) throw this.failed(login, 'invalid-credentials', new InvalidCredentialsException());
    // The right password is no failure: this name starts again from zero, and the IP gets its attempt back.
    await this.throttle.reset(byUser);
    await this.throttle.forgive([byIp]);
    // Said only after the password was right, so it reveals nothing to someone guessing.
    if (this.awaitsConfirmation(user)) throw this.failed(login, 'email-not-confirmed', new EmailNotConfirmedException());
    if (!this.users.isActive(user)) throw this.failed(login, 'invalid-credentials', new InvalidCredentialsException());
    if (this.hasher.needsRehash(hash)) await this.users.setPasswordHash(user, await this.hasher.hash(password));
    const { token, record } = await this.tokens.issue(user, { userAgent });
    this.events.publish(AUTH_TOKEN_EVENTS.loginSucceeded, { userId: this.users.getId(user), tokenId: record.id, userAgent: record.userAgent });
    const result: LoginResult = { token, expiresAt: record.expiresAt };
    if (this.options.userSerializer) result.user = await this.options.userSerializer(user);
    return result;
  }

  private failed<E extends Error>(username: string, reason: 'invalid-credentials' | 'email-not-confirmed', error: E): E {
    this.events.publish(AUTH_TOKEN_EVENTS.loginFailed, { username, reason });
    return error;
  }

  private awaitsConfirmation(user: TUser): boolean {
    return this.options.emailConfirm.enabled && !this.users.isEmailConfirmed(user);
  }

  /** Revokes the token a request came with (and no other). */
  async logout(user: TUser, tokenId: string): Promise<void> {
    if (await this.tokens.revokeOwn(user, tokenId, 'logout')) {
      this.events.publish(AUTH_TOKEN_EVENTS.logout, { userId: this.users.getId(user), tokenId });
    }
  }

  /** The user as the host wants it shown: its `userSerializer`, else `{ id, username }`. */
  async serialize(user: TUser): Promise<unknown> {
    if (this.options.userSerializer) return this.options.userSerializer(user);
    return { id: this.users.getId(user), username: this.users.getLogin(user) };
  }
}
