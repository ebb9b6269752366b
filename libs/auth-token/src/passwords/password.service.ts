import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../auth-token.constants.js';
import { EmailTokenService } from '../email-tokens/email-token.service.js';
import { AUTH_TOKEN_MESSAGES } from '../errors/auth-token.messages.js';
import { FieldErrorsException } from '../http/validation.pipe.js';
import { LinkMailService } from '../mail/link-mail.service.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { Clock } from '../time/clock.js';
import { AuthTokenEventPublisher } from '../events/auth-token-event-publisher.js';
import { AUTH_TOKEN_EVENTS } from '../events/auth-token.events.js';
import { TokenService } from '../tokens/token.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { UserStore } from '../users/user-store.js';
import { PasswordPolicy } from './password-policy.js';

/** Password change (signed in) and reset (by mailed link). */
@Injectable()
export class PasswordService<TUser extends object = any> {
  private readonly logger = new Logger('AuthToken');

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly tokens: TokenService<TUser>,
    private readonly links: EmailTokenService<TUser>,
    private readonly mail: LinkMailService,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
  ) {}

  /**
   * Changes the password after checking the current one, then revokes every other token of the user: a thief
   * holding another session is logged out, the device making the change stays logged in.
   */
  async change(user: TUser, currentTokenId: string, currentPassword: string, newPassword: string): Promise<void> {
    const hash = this.users.getPasswordHash(user);
    if (!hash || !(await this.hasher.verify(currentPassword, hash))) {
      throw new FieldErrorsException({ currentPassword: [AUTH_TOKEN_MESSAGES.wrongPassword] });
    }
    this.assertAcceptable(user, newPassword);
    await this.setPassword(user, newPassword);
    await this.tokens.revokeAllForUser(user, currentTokenId, 'password-change');
    this.events.publish(AUTH_TOKEN_EVENTS.passwordChanged, { userId: this.users.getId(user), via: 'change' });
  }

  /**
   * Mails a single-use reset link to each active account with this address. Does nothing, visibly the same,
   * for an unknown address, and sends at most one mail per account every `passwordReset.requestInterval` seconds.
   */
  async requestReset(email: string, acceptLanguage?: string): Promise<void> {
    const { url, ttl, requestInterval } = this.options.passwordReset;
    if (!url) return;
    for (const user of await this.users.findByEmail(email)) {
      const address = this.users.getEmail(user);
      if (!address || !this.users.isActive(user)) continue;
      const last = await this.links.lastCreatedAt(user, 'password-reset');
      if (last && this.clock.now().getTime() - last.getTime() < requestInterval * 1000) continue;
      // Only the newest link works: an older mail lying around in an inbox is void.
      await this.links.revokeAll(user, 'password-reset');
      const token = await this.links.create(user, 'password-reset', address, ttl);
      try {
        await this.mail.send('passwordReset', address, this.users.getLogin(user), `${url}${token}`, acceptLanguage);
      } catch (error) {
        // The answer must not differ between known and unknown addresses, so a mail failure is only logged.
        this.logger.error(`Password reset mail not sent: ${error instanceof Error ? error.message : String(error)}`);
        await this.links.revokeAll(user, 'password-reset');
      }
    }
  }

  /** Sets a new password with a reset token, then voids the token and revokes every token of the user. */
  async confirmReset(token: string, newPassword: string): Promise<void> {
    const found = await this.links.find(token, 'password-reset');
    const invalid = () => new FieldErrorsException({ token: [AUTH_TOKEN_MESSAGES.invalidResetToken] });
    if (!found) throw invalid();
    this.assertAcceptable(found.user, newPassword);
    // Spending the token first makes it single-use even when two requests race with it.
    if (!(await this.links.spend(found.record))) throw invalid();
    await this.setPassword(found.user, newPassword);
    await this.links.revokeAll(found.user, 'password-reset');
    await this.tokens.revokeAllForUser(found.user, undefined, 'password-reset');
    this.events.publish(AUTH_TOKEN_EVENTS.passwordChanged, { userId: this.users.getId(found.user), via: 'reset' });
  }

  private assertAcceptable(user: TUser, newPassword: string): void {
    const problems = this.policy.check(newPassword, { username: this.users.getLogin(user), email: this.users.getEmail(user) });
    if (problems.length) throw new FieldErrorsException({ newPassword: problems });
  }

  private async setPassword(user: TUser, password: string): Promise<void> {
    await this.users.setPasswordHash(user, await this.hasher.hash(password));
  }
}
