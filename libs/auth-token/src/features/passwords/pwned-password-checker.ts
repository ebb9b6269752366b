import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AuthTokenConfigError } from '../../core/errors/auth-token-config.error.js';

/** Settings of {@link PwnedPasswordChecker}, the optional "known from a breach" password check. */
export interface PwnedPasswordCheckerOptions {
  /** Base URL of a Have I Been Pwned compatible range API; the five-character hash prefix is appended. @default 'https://api.pwnedpasswords.com/range/' */
  url?: string;
  /** Seconds to wait for the whole answer before the check is skipped. @default 2 */
  timeout?: number;
  /** Breach count at or above which a password counts as breached. @default 1 */
  minCount?: number;
}

const DEFAULTS: Required<PwnedPasswordCheckerOptions> = {
  url: 'https://api.pwnedpasswords.com/range/',
  timeout: 2,
  minCount: 1,
};

const OPTION = 'passwordPolicy.breachedPasswords';
const RANGE_LINE = /^([0-9A-F]{35}):(\d+)$/i;

/**
 * Asks the Have I Been Pwned "range" API whether a password appears in known breaches (NIST SP 800-63B).
 * k-anonymity: only the first five hex characters of the password's SHA-1 are sent; the API answers with every
 * known hash suffix under that prefix, and the match is made locally, so neither the password nor its hash
 * leaves the process.
 *
 * Fails open: when the API is slow, unreachable or answers nonsense, the password is treated as not breached
 * and one warning is logged, so an outage never blocks registration or password changes.
 *
 * @example
 * const checker = new PwnedPasswordChecker({ timeout: 1 });
 * if (await checker.isBreached(password)) problems.push('This password appeared in a data breach.');
 */
export class PwnedPasswordChecker {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly minCount: number;

  constructor(
    options: PwnedPasswordCheckerOptions = {},
    private readonly logger: Pick<Logger, 'warn'> = new Logger('AuthToken'),
  ) {
    // `??` rather than a spread, so an option present but undefined (an unset config value) takes its default.
    const url = options.url ?? DEFAULTS.url;
    const timeout = options.timeout ?? DEFAULTS.timeout;
    const minCount = options.minCount ?? DEFAULTS.minCount;
    if (!isHttpUrl(url)) throw new AuthTokenConfigError(`${OPTION}.url`, 'must be an http(s) URL');
    if (!(Number.isFinite(timeout) && timeout > 0)) {
      throw new AuthTokenConfigError(`${OPTION}.timeout`, 'must be a positive number of seconds');
    }
    if (!(Number.isInteger(minCount) && minCount >= 1)) {
      throw new AuthTokenConfigError(`${OPTION}.minCount`, 'must be a whole number >= 1');
    }
    this.url = url;
    this.timeoutMs = timeout * 1000;
    this.minCount = minCount;
  }

  /**
   * Resolves `true` when the password was seen in at least `minCount` breaches; `false` when it was not, or when
   * the check could not be made (see the class comment). Never rejects.
   */
  async isBreached(password: string): Promise<boolean> {
    const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const prefix = hash.slice(0, 5);
    const suffix = hash.slice(5);
    let body: string;
    try {
      // AbortSignal.timeout covers reading the body too, and its timer does not keep the process alive.
      const response = await fetch(`${this.url}${prefix}`, {
        headers: { 'Add-Padding': 'true' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel(); // frees the connection without reading an error page
        return this.skip(`the range API answered HTTP ${response.status}`);
      }
      body = await response.text();
    } catch (error) {
      return this.skip(`the request failed (${describeError(error)})`);
    }
    const count = breachCount(body, suffix);
    if (count === null) return this.skip('the range API answer could not be parsed');
    return count >= this.minCount;
  }

  // The reason names a status or an error class only: never the password, its hash or the prefix in the URL.
  private skip(reason: string): false {
    this.logger.warn(`Breached-password check skipped: ${reason}`);
    return false;
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Breach count of `suffix` in a range answer (0 when absent, padding lines count 0), or null if any line is malformed. */
function breachCount(body: string, suffix: string): number | null {
  let count = 0;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const match = RANGE_LINE.exec(trimmed);
    if (!match) return null;
    if (match[1].toUpperCase() === suffix) count = Math.max(count, Number(match[2]));
  }
  return count;
}

function describeError(error: unknown): string {
  // Duck-typed, not `instanceof Error`: fetch's errors come from Node's own realm (they fail that test under jest).
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  const code = cause?.code; // fetch reports a network fault as TypeError('fetch failed') with the system code on `cause`
  const label = typeof name === 'string' ? name : 'unknown error';
  return typeof code === 'string' ? `${label} ${code}` : label;
}
