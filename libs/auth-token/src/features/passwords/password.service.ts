import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { EmailTokenService } from '../mailed-links/email-token.service.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { LinkMailService } from '../mailed-links/link-mail.service.js';
import { MailQueue, type MailDelivery } from '../../core/mail/mail-queue.service.js';
import { MailThrottle } from '../throttling/mail-throttle.service.js';
import { requireClientIp } from '../throttling/login-client.js';
import type { MailRequestClient } from '../../core/mail/mail-request-client.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { PasswordCheck } from './password-check.js';
import { PasswordHasher } from '../../core/hashing/password-hasher.js';
import { UserStore } from '../../core/users/user-store.js';
import { PasswordPolicy } from './password-policy.js';
import { PASSWORDS_MESSAGES } from './passwords.messages.js';
import { PASSWORDS_EVENTS } from './passwords.events.js';
import { eventClient } from '../../core/events/auth-token.events.js';

/** Password change (signed in) and reset (by mailed link). */
@Injectable()
export class PasswordService<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly tokens: TokenService<TUser>,
    private readonly links: EmailTokenService<TUser>,
    private readonly mail: LinkMailService,
    private readonly events: AuthTokenEventPublisher,
    private readonly mailThrottle: MailThrottle,
    private readonly queue: MailQueue,
    private readonly passwords: PasswordCheck<TUser>,
    private readonly freshUser: FreshUser<TUser>,
  ) {}

  /**
   * Changes the password after checking the current one, then revokes every other login token of the user: a
   * thief holding another session (or a pending second-factor login) is logged out, the device making the change
   * stays logged in. A wrong current
   * password counts as a failed login of the account (same limits, 429 past them). The user and the token are
   * read from the database, never from the token cache, so a stale copy cannot authorize the change.
   */
  async change(
    user: TUser,
    currentTokenId: string,
    currentPassword: string,
    newPassword: string,
    client: { ip: string; userAgent?: string; acceptLanguage?: string },
  ): Promise<void> {
    const ip = requireClientIp(client?.ip);
    const fresh = await this.freshUser.load(user, currentTokenId);
    await this.passwords.confirm(fresh, currentPassword, ip, 'currentPassword');
    await this.assertAcceptable(fresh, newPassword);
    await this.users.setPasswordHash(fresh, await this.passwords.hash(newPassword, ip));
    await this.tokens.revokeAllForUser(fresh, currentTokenId, 'password-change');
    await this.events.publish(PASSWORDS_EVENTS.passwordChanged, {
      userId: this.users.getId(fresh),
      via: 'change',
      client: eventClient(client),
    });
  }

  /**
   * Mails a single-use reset link to each active account with this address (with e-mail confirmation on,
   * each whose address is confirmed), after the call returns: the
   * time to answer is the same for a known and an unknown address. Requests are limited per (address,
   * client IP) and per IP (429), and each account gets at most one mail per `passwordReset.requestInterval`
   * seconds. Nothing happens while password reset is off (no `passwordReset.url`).
   */
  async requestReset(email: string, client: MailRequestClient): Promise<void> {
    const ip = requireClientIp(client?.ip);
    if (!this.options.passwordReset.url) return;
    await this.mailThrottle.request(email, ip);
    this.queue.enqueue('Password reset mail', () => this.resetMails(email, client.acceptLanguage));
  }

  /** The reset mails for `email`: made once, each then delivered (and retried) by the queue. */
  private async resetMails(email: string, acceptLanguage?: string): Promise<MailDelivery[]> {
    const { url, ttl, requestInterval } = this.options.passwordReset;
    const deliveries: MailDelivery[] = [];
    for (const user of await this.users.findByEmail(email)) {
      const address = this.users.getEmail(user);
      if (!address || !this.users.isActive(user)) continue;
      // With confirmation on, an address nobody has proven is not a way into the account (nor a way to fill
      // its owner's inbox with links for accounts that others registered with it).
      if (this.options.emailConfirm.enabled && !this.users.isEmailConfirmed(user)) continue;
      if (!(await this.links.mayMail(user, 'password-reset', requestInterval, ttl))) continue;
      if (!(await this.mailThrottle.allowsSend('reset', address))) continue;
      // Only the newest link works: an older mail lying around in an inbox is void.
      await this.links.revokeAll(user, 'password-reset');
      const token = await this.links.create(user, 'password-reset', address, ttl);
      deliveries.push({
        send: () =>
          this.mail.send('passwordReset', address, this.users.getLogin(user), `${url}${token}`, acceptLanguage),
        onGiveUp: () => this.links.revokeAll(user, 'password-reset'),
      });
    }
    return deliveries;
  }

  /** Sets a new password with a reset token, then voids the token and revokes every token of the user. */
  async confirmReset(
    token: string,
    newPassword: string,
    client?: { ip?: string; userAgent?: string; acceptLanguage?: string },
  ): Promise<void> {
    const found = await this.links.find(token, 'password-reset');
    const invalid = () => new FieldErrorsException({ token: [PASSWORDS_MESSAGES.invalidResetToken] });
    if (!found) throw invalid();
    await this.assertAcceptable(found.user, newPassword);
    // Spending the token first makes it single-use even when two requests race with it.
    if (!(await this.links.spend(found.record))) throw invalid();
    await this.setPassword(found.user, newPassword);
    await this.links.revokeAll(found.user, 'password-reset');
    await this.tokens.revokeAllForUser(found.user, undefined, 'password-reset');
    await this.events.publish(PASSWORDS_EVENTS.passwordChanged, {
      userId: this.users.getId(found.user),
      via: 'reset',
      client: eventClient(client),
    });
  }

  private async assertAcceptable(user: TUser, newPassword: string): Promise<void> {
    const problems = await this.policy.problems(newPassword, {
      username: this.users.getLogin(user),
      email: this.users.getEmail(user),
    });
    if (problems.length) throw new FieldErrorsException({ newPassword: problems });
  }

  private async setPassword(user: TUser, password: string): Promise<void> {
    await this.users.setPasswordHash(user, await this.hasher.hash(password));
  }
}
