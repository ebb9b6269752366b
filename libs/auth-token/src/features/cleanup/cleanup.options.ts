import { positiveSeconds, wholeNumber } from '../../core/options/checks.js';
import type { OptionGroup } from '../../core/options/option-group.js';

/** Deleting expired tokens and links from the database. */
export interface AuthTokenCleanupOptions {
  /** Purge on a schedule (with @nestjs/schedule's registry when the app has one). @default true */
  enabled?: boolean;
  /** Seconds between purges. @default 3600 */
  interval?: number;
  /** Rows deleted per statement, so a large purge never locks the table for long. @default 1000 */
  batchSize?: number;
}

declare module '../../core/options/auth-token-options.interface.js' {
  interface AuthTokenOptions {
    /** Purging expired tokens and links. @default every hour, 1000 rows at a time */
    cleanup?: AuthTokenCleanupOptions;
  }
  interface ResolvedAuthTokenOptions {
    cleanup: Required<AuthTokenCleanupOptions>;
  }
}

export const CLEANUP_DEFAULTS: Required<AuthTokenCleanupOptions> = { enabled: true, interval: 3600, batchSize: 1000 };

export const cleanupOptions: OptionGroup<'cleanup'> = {
  name: 'cleanup',
  keys: { enabled: null, interval: null, batchSize: null },
  resolve(raw = {}) {
    const cleanup = { ...CLEANUP_DEFAULTS, ...raw };
    positiveSeconds('cleanup.interval', cleanup.interval);
    wholeNumber('cleanup.batchSize', cleanup.batchSize);
    return cleanup;
  },
};
