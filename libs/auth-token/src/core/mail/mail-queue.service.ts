import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { reasonOf } from '../errors/reason-of.js';

/** One mail of a job: sent (and retried) on its own; `onGiveUp` undoes what it carried when it never got through. */
export interface MailDelivery {
  send: () => Promise<void>;
  onGiveUp?: () => Promise<void>;
}

/** Most jobs waiting at once; a flood beyond it is refused (and logged) rather than held in memory. */
const MAX_PENDING = 1000;
/** How long shutdown waits for queued mails. */
const SHUTDOWN_WAIT_MS = 10_000;

/**
 * Runs mail jobs after the request that asked for them has been answered, so that the time to answer does not
 * tell a known address (a mail is sent) from an unknown one (nothing is). A failed job is tried again after
 * each of `mailRetryDelays`, each failure logged, and a job that fails every try is logged as an error: never
 * lost silently. Shutdown waits (up to 10 s) for the jobs in flight; tests can wait with {@link drain}.
 */
@Injectable()
export class MailQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('AuthToken');
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions) {}

  /**
   * Queues a job in two steps: `prepare` runs once (finds the accounts, makes the links) and returns the mails
   * to deliver; each delivery alone is retried, and its `onGiveUp` runs when it never got through (to void
   * the link it carried). `description` names the job in the log (never a token or an address).
   */
  enqueue(description: string, prepare: () => Promise<MailDelivery[]>): void {
    if (this.pending.size >= MAX_PENDING) {
      this.logger.error(`${description}: not queued, ${MAX_PENDING} mail jobs are already waiting`);
      return;
    }
    const running: Promise<void> = this.run(description, prepare).finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Resolves once every job queued so far has finished or given up. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    const timeout = sleep(SHUTDOWN_WAIT_MS, undefined, { ref: false });
    await Promise.race([this.drain(), timeout]);
    if (this.pending.size > 0)
      this.logger.error(`${this.pending.size} mail job(s) still running at shutdown were abandoned`);
  }

  private async run(description: string, prepare: () => Promise<MailDelivery[]>): Promise<void> {
    // After the current request's answer: its handler's continuations run before the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    let deliveries: MailDelivery[];
    try {
      deliveries = await prepare();
    } catch (error) {
      this.logger.error(`${description} not sent: ${reasonOf(error)}`);
      return;
    }
    for (const delivery of deliveries) await this.deliver(description, delivery);
  }

  private async deliver(description: string, { send, onGiveUp }: MailDelivery): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await send();
        return;
      } catch (error) {
        const reason = reasonOf(error);
        const delay = this.options.mailRetryDelays[attempt - 1];
        if (delay === undefined) {
          this.logger.error(`${description} failed ${attempt} times, giving up: ${reason}`);
          await onGiveUp?.().catch((cleanupError: unknown) =>
            this.logger.error(`${description}: cleanup failed: ${reasonOf(cleanupError)}`),
          );
          return;
        }
        this.logger.warn(`${description} failed (try ${attempt}), retrying in ${delay} s: ${reason}`);
        await sleep(delay * 1000, undefined, { ref: false });
      }
    }
  }
}
