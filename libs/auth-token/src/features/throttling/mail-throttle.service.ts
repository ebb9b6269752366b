import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { throttleAddress } from './client-address.js';
import { ThrottleService } from './throttle.service.js';
import { TooManyAttemptsException } from '../../core/errors/too-many-attempts.exception.js';

/** The kinds of mail counted apart. */
export type MailKind = 'confirmation' | 'reset' | 'security';

/**
 * Limits on mail: requests for a link (reset, resend) per (address or name, client IP) and per client IP, and
 * mails sent to one address per window whoever asks, so nobody can flood a victim's inbox.
 */
@Injectable()
export class MailThrottle {
  private readonly logger = new Logger('AuthToken');

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly throttle: ThrottleService,
  ) {}

  /** Counts a request for a mail about `identity` (an address or a name) from `ip`; 429 past a limit. */
  request(identity: string, ip: string): Promise<void> {
    const { maxFailures, maxPerIp } = this.options.throttle;
    const address = throttleAddress(ip);
    return this.throttle.hit([
      { scope: 'mail-request-ip', identity: `${identity.toLowerCase()}\n${address}`, limit: maxFailures },
      { scope: 'mail-request', identity: address, limit: maxPerIp },
    ]);
  }

  /**
   * Counts a mail of `kind` to `to`; 429 when the address had `limit` (by default `throttle.maxMailsPerAddress`)
   * such mails in this window. Each kind has its own count, so registrations naming someone's address cannot use
   * up the allowance of their own password-reset mails.
   */
  send(kind: MailKind, to: string, limit = this.options.throttle.maxMailsPerAddress): Promise<void> {
    return this.throttle.hit([{ scope: `mail-to-${kind}`, identity: to.toLowerCase(), limit }]);
  }

  /** Like {@link send}, for mails sent after the answer: resolves to false (and logs it) instead of rejecting. */
  async allowsSend(kind: MailKind, to: string, limit = this.options.throttle.maxMailsPerAddress): Promise<boolean> {
    try {
      await this.send(kind, to, limit);
      return true;
    } catch (error) {
      if (!(error instanceof TooManyAttemptsException)) throw error;
      this.logger.warn(`A ${kind} mail was not sent: its address already had ${limit} in this window`);
      return false;
    }
  }
}
