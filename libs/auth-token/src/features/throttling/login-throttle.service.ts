import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { throttleAddress } from './client-address.js';
import { ThrottleService, type ThrottleRule } from './throttle.service.js';

/**
 * Limits on guessing a credential of one account (a password at login or at password change, a second-factor
 * code), counted per (account, client address), per account over all addresses (NIST SP 800-63B's ceiling),
 * and per address over all accounts. Failures from other addresses never stop the owner's right password
 * until the account's ceiling is reached.
 *
 * `account` names the account: `user:<id>` when it exists, else the canonical typed name, so an unknown name
 * is throttled exactly like a known one.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly throttle: ThrottleService,
  ) {}

  /** Counts an attempt before the credential is checked (so parallel guesses cannot slip past); 429 when full. */
  attempt(account: string, ip: string): Promise<void> {
    return this.throttle.hit(this.rules(account, ip));
  }

  /** The credential was right: the account starts from zero at this address, and the other counters get the attempt back. */
  async succeeded(account: string, ip: string): Promise<void> {
    const [accountAndAddress, ...others] = this.rules(account, ip);
    await this.throttle.reset(accountAndAddress);
    await this.throttle.forgive(others);
  }

  /**
   * An attempt whose account is known only after the check (a passkey login): counted on the client address
   * alone, so a refused passkey cannot push anyone's account toward its ceiling; 429 when the address is full.
   */
  attemptFromAddress(ip: string): Promise<void> {
    return this.throttle.hit([this.addressRule(ip)]);
  }

  /** Such an attempt proved `account`: the account starts from zero at this address, which gets the attempt back. */
  async succeededFromAddress(account: string, ip: string): Promise<void> {
    const [accountAndAddress] = this.rules(account, ip);
    await this.throttle.reset(accountAndAddress);
    await this.throttle.forgive([this.addressRule(ip)]);
  }

  /** The attempt could not be judged (the hasher was busy, the database failed): it counts against nothing. */
  async cancel(account: string, ip: string): Promise<void> {
    await this.throttle.forgive(this.rules(account, ip));
  }

  private rules(account: string, ip: string): ThrottleRule[] {
    const { maxFailures, maxPerAccount } = this.options.throttle;
    const address = throttleAddress(ip);
    return [
      { scope: 'login-account-ip', identity: `${account}\n${address}`, limit: maxFailures },
      { scope: 'login-account', identity: account, limit: maxPerAccount },
      this.addressRule(ip),
    ];
  }

  private addressRule(ip: string): ThrottleRule {
    return { scope: 'login-ip', identity: throttleAddress(ip), limit: this.options.throttle.maxPerIp };
  }
}
