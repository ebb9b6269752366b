import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { TooManyAttemptsException } from '../../core/errors/too-many-attempts.exception.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { throttleAddress } from '../throttling/client-address.js';

/** Seconds a refused client is asked to wait: about the time of a hash or two. */
const RETRY_AFTER = 1;

/**
 * Fair use of the password hasher: each client address has at most `throttle.maxHashingPerIp` password checks
 * running or waiting at once, in this process; past that 429 at once. The hasher's own queue is shared by every
 * client, so without this one address (even with right passwords, which the throttle forgives) could fill it
 * and make everyone else wait or fail.
 */
@Injectable()
export class ClientHashSlots {
  private readonly inUse = new Map<string, number>();

  constructor(@Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions) {}

  async run<T>(ip: string, task: () => Promise<T>): Promise<T> {
    const { enabled, maxHashingPerIp } = this.options.throttle;
    if (!enabled) return task();
    const address = throttleAddress(ip);
    const used = this.inUse.get(address) ?? 0;
    if (used >= maxHashingPerIp) throw new TooManyAttemptsException(RETRY_AFTER);
    this.inUse.set(address, used + 1);
    try {
      return await task();
    } finally {
      const left = (this.inUse.get(address) ?? 1) - 1;
      if (left > 0) this.inUse.set(address, left);
      else this.inUse.delete(address);
    }
  }
}
