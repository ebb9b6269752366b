import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import {
  CORE_EVENTS,
  type AuthTokenEventMap,
  type EventClient,
  type LoginSucceededEvent,
} from '../../core/events/auth-token.events.js';
import { MailQueue, type MailDelivery } from '../../core/mail/mail-queue.service.js';
import { renderMail } from '../../core/mail/mail-templates.js';
import { Mailer } from '../../core/mail/mailer.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import { UserStore, type UserId } from '../../core/users/user-store.js';
import { deviceName, deviceParts } from '../sessions/device-name.js';
import { MailThrottle } from '../throttling/mail-throttle.service.js';
import { KnownDevices } from './known-devices.js';
import type { SecurityNoticeContext } from './security-notice.templates.js';
import { SECURITY_NOTICE_MAILS, type NoticeableEvent, type SecurityNotice } from './security-notices.mails.js';

/** "2025-11-23 14:05 UTC". */
const formatTime = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Mails the owner of an account about what happens to it (see {@link SECURITY_NOTICE_MAILS}), and about a sign-in
 * from a device the account has not used lately ({@link KnownDevices}). Mails go out after the answer, through the
 * mail queue, in the language of the request that caused them; only to an address on file (a confirmed one, with
 * e-mail confirmation on).
 */
@Injectable()
export class SecurityNotices<TUser extends object = object> implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];
  /** The last device sighting of each user still running, by user id. */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly events: AuthTokenEventPublisher,
    private readonly devices: KnownDevices,
    private readonly users: UserStore<TUser>,
    private readonly mailer: Mailer,
    private readonly queue: MailQueue,
    private readonly mailThrottle: MailThrottle,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.options.securityNotices.enabled) return;
    this.unsubscribe.push(this.events.subscribe(CORE_EVENTS.loginSucceeded, (event) => this.signedIn(event)));
    for (const [event, noticeOf] of Object.entries(SECURITY_NOTICE_MAILS)) {
      const toNotice = noticeOf as (payload: NoticeableEvent) => SecurityNotice | null;
      this.unsubscribe.push(
        this.events.subscribe(event as keyof AuthTokenEventMap, (event) => {
          const payload = event as NoticeableEvent;
          const notice = toNotice(payload);
          if (notice) this.send(payload.userId, notice, payload.client ?? null);
        }),
      );
    }
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  /**
   * Learns the sign-in's device after the answer (a login waits for no more than its own work), and mails when the
   * device is new. The sign-ins of one user are looked at in order, so that a second sign-in from a new device
   * never overtakes the first (which would take it for the account's first device).
   */
  private signedIn({ userId, userAgent, client }: LoginSucceededEvent): void {
    const at = this.clock.now();
    const sighting = this.inTurn(String(userId), () => this.devices.sighted(userId, userAgent, at));
    const mailClient = client ?? { ip: null, userAgent, acceptLanguage: null };
    this.queue.enqueue('Sign-in device check', async () => {
      if ((await sighting) !== 'new' || !this.options.securityNotices.newDevice) return [];
      return this.deliveries(userId, { kind: 'newSignIn' }, mailClient, at);
    });
  }

  /** Runs `work` after the answer and after the work queued before it for the same `key`. */
  private inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(key) ?? Promise.resolve();
    const next = previous.then(() => new Promise((resolve) => setImmediate(resolve))).then(work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(key, settled);
    void settled.then(() => {
      if (this.turns.get(key) === settled) this.turns.delete(key);
    });
    return next;
  }

  /** Queues the notice for the user's address; the user is read, and the mail rendered, after the answer. */
  send(userId: UserId, notice: SecurityNotice, client: EventClient | null): void {
    const at = this.clock.now();
    this.queue.enqueue(`Security notice (${notice.kind})`, () => this.deliveries(userId, notice, client, at));
  }

  private async deliveries(
    userId: UserId,
    notice: SecurityNotice,
    client: EventClient | null,
    at: Date,
  ): Promise<MailDelivery[]> {
    const user = await this.users.findById(userId);
    const address = user ? this.addressOf(user) : null;
    if (
      !user ||
      !address ||
      !(await this.mailThrottle.allowsSend('security', address, this.options.securityNotices.maxPerAddress))
    )
      return [];
    return [this.delivery(user, address, notice, client, at)];
  }

  private addressOf(user: TUser): string | null {
    if (this.options.emailConfirm.enabled && !this.users.isEmailConfirmed(user)) return null;
    return this.users.getEmail(user);
  }

  private delivery(
    user: TUser,
    to: string,
    notice: SecurityNotice,
    client: EventClient | null,
    at: Date,
  ): MailDelivery {
    const { mails, from } = this.options.securityNotices;
    const mail = mails[notice.kind];
    const sender = from ?? this.options.passwordReset.from ?? this.options.emailConfirm.from;
    const rendered = renderMail<SecurityNoticeContext>(
      mail.templates,
      mail.defaultLocale,
      client?.acceptLanguage ?? undefined,
      this.context(user, notice, client, at),
    );
    return {
      send: () =>
        this.mailer.send({
          to,
          ...(sender ? { from: sender } : {}),
          subject: rendered.subject,
          text: rendered.text,
          ...(rendered.html ? { html: rendered.html } : {}),
        }),
    };
  }

  private context(user: TUser, notice: SecurityNotice, client: EventClient | null, at: Date): SecurityNoticeContext {
    const userAgent = client?.userAgent ?? null;
    const { browser, os } = deviceParts(userAgent);
    const name = notice.name ?? '';
    return {
      username: this.users.getLogin(user),
      time: formatTime(at),
      ip: client?.ip ?? 'an unknown address',
      browser: browser ?? 'an unknown browser',
      os: os ?? 'an unknown operating system',
      device: deviceName(userAgent) ?? 'an unknown device',
      name,
      credential: notice.leakedKind === 'api' ? `the API token "${name}"` : 'a login token (a signed-in session)',
    };
  }
}
