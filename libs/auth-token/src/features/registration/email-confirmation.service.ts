import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { EmailTokenService } from '../mailed-links/email-token.service.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { LinkMailService } from '../mailed-links/link-mail.service.js';
import { MailQueue, type MailDelivery } from '../../core/mail/mail-queue.service.js';
import type { MailRequestClient } from '../../core/mail/mail-request-client.js';
import { MailThrottle } from '../throttling/mail-throttle.service.js';
import { requireClientIp } from '../throttling/login-client.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { UserStore } from '../../core/users/user-store.js';
import { REGISTRATION_EVENTS } from './registration.events.js';

/** How {@link EmailConfirmationService.sendConfirmationEmail} picks the mail's template. */
export interface SendMailOptions {
  /** The reader's Accept-Language, to pick the template. @default the default locale */
  acceptLanguage?: string;
}

/**
 * E-mail confirmation: sends links and confirms addresses. Exported so hosts can (re)send a link themselves,
 * e.g. from an admin screen, and void links after an address change.
 */
@Injectable()
export class EmailConfirmationService<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly links: EmailTokenService<TUser>,
    private readonly mail: LinkMailService,
    private readonly events: AuthTokenEventPublisher,
    private readonly mailThrottle: MailThrottle,
    private readonly queue: MailQueue,
  ) {}

  /** Whether logins need a confirmed address. */
  get enabled(): boolean {
    return this.options.emailConfirm.enabled;
  }

  /**
   * Mails `user` a new confirmation link for their current address. Rejects when the user has no address,
   * when `emailConfirm.baseUrl` is not set, or when the mailer fails.
   */
  async sendConfirmationEmail(user: TUser, { acceptLanguage }: SendMailOptions = {}): Promise<void> {
    await (await this.confirmationMail(user, acceptLanguage)).send();
  }

  /** Makes a link for the user's current address; the returned delivery mails it. */
  private async confirmationMail(user: TUser, acceptLanguage?: string): Promise<MailDelivery> {
    const { baseUrl, ttl } = this.options.emailConfirm;
    const email = this.users.getEmail(user);
    if (!email) throw new Error('sendConfirmationEmail: the user has no e-mail address');
    if (!baseUrl) throw new Error('sendConfirmationEmail: set emailConfirm.baseUrl to build the link');
    const token = await this.links.create(user, 'email-confirmation', email, ttl);
    const url = `${baseUrl}/${this.options.routePrefix}/register/confirm/${token}`.replace(/(?<!:)\/{2,}/g, '/');
    return {
      send: () => this.mail.send('emailConfirm', email, this.users.getLogin(user), url, acceptLanguage),
      // Never delivered: void it, so that a later resend is not held back as "sent recently".
      onGiveUp: () => this.links.revokeAll(user, 'email-confirmation'),
    };
  }

  /**
   * Confirms the address a link was sent to. Resolves to true for a valid link, also when it was already used
   * (link scanners open links before people do), and false for an invalid, expired or voided one.
   */
  async confirm(token: string): Promise<boolean> {
    const found = await this.links.find(token, 'email-confirmation');
    if (!found) return false;
    if (!this.users.isEmailConfirmed(found.user)) {
      await this.users.setEmailConfirmed(found.user, true);
      await this.events.publish(REGISTRATION_EVENTS.emailConfirmed, {
        userId: this.users.getId(found.user),
        email: found.record.email,
      });
    }
    return true;
  }

  /**
   * Sends a fresh link to an unconfirmed account found by address or username, after the call returns (the
   * time to answer tells nothing about accounts). Requests are limited per (address or name, client IP) and per
   * IP (429). Silently does nothing for an unknown or confirmed account, or when the last link went out less
   * than `emailConfirm.resendInterval` seconds ago and has not expired yet.
   */
  async resend(identifier: { email?: string; username?: string }, client: MailRequestClient): Promise<void> {
    const ip = requireClientIp(client?.ip);
    if (!this.enabled) return;
    await this.mailThrottle.request(identifier.email ?? identifier.username ?? '', ip);
    this.queue.enqueue('Confirmation mail', () => this.resendMails(identifier, client.acceptLanguage));
  }

  private async resendMails(
    identifier: { email?: string; username?: string },
    acceptLanguage?: string,
  ): Promise<MailDelivery[]> {
    const candidates = identifier.email
      ? await this.users.findByEmail(identifier.email)
      : identifier.username
        ? [await this.users.findByLogin(identifier.username)].filter((user): user is Awaited<TUser> => user !== null)
        : [];
    const deliveries: MailDelivery[] = [];
    for (const user of candidates) {
      const email = this.users.getEmail(user);
      if (this.users.isEmailConfirmed(user) || !email) continue;
      if (
        !(await this.links.mayMail(
          user,
          'email-confirmation',
          this.options.emailConfirm.resendInterval,
          this.options.emailConfirm.ttl,
        ))
      )
        continue;
      if (!(await this.mailThrottle.allowsSend('confirmation', email))) continue;
      deliveries.push(await this.confirmationMail(user, acceptLanguage));
    }
    return deliveries;
  }

  /**
   * Call after changing a user's address: marks it unconfirmed and voids the links sent so far (links are
   * bound to the address they went to, so they would not confirm the new one anyway).
   */
  async markEmailChanged(user: TUser): Promise<void> {
    await this.users.setEmailConfirmed(user, false);
    await this.links.revokeAll(user, 'email-confirmation');
  }
}
