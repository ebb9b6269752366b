import { Injectable } from '@nestjs/common';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { accountOf, requireClientIp } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { UserStore } from '../../core/users/user-store.js';
import { ClientHashSlots } from './client-hash-slots.js';
import { PasswordHasher } from '../../core/hashing/password-hasher.js';
import { PASSWORDS_MESSAGES } from './passwords.messages.js';

/**
 * The library's one password check: login, password change, re-authentication, turning the second factor off.
 * Each check runs in a hashing slot of its client address ({@link ClientHashSlots}), counts as an attempt on the
 * account before the hash runs (so parallel guesses cannot slip past the limits), and counts against nothing
 * when it could not run.
 */
@Injectable()
export class PasswordCheck<TUser extends object = object> {
  constructor(
    private readonly users: UserStore<TUser>,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginThrottle,
    private readonly slots: ClientHashSlots,
  ) {}

  /**
   * Runs a whole password step (the login's lookups included) in a hashing slot of the client address, so that a
   * client past its slots is refused before any other work.
   */
  inSlot<T>(ip: string, step: () => Promise<T>): Promise<T> {
    return this.slots.run(requireClientIp(ip), step);
  }

  /**
   * Whether `password` matches `hash`, counted as an attempt on `account` from `ip`; success handling is the
   * caller's. Call it {@link inSlot}.
   */
  async matches(password: unknown, hash: string, account: string, ip: string): Promise<boolean> {
    await this.attempts.attempt(account, ip);
    try {
      return await this.hasher.verify(typeof password === 'string' ? password : '', hash);
    } catch (error) {
      // A check that could not run (a busy hasher's 503) is no failed guess.
      await this.attempts.cancel(account, ip);
      throw error;
    }
  }

  /**
   * A signed-in user's password, to confirm a sensitive step. Wrong: 400 naming `field`, counted as a failed
   * login of the account; right: the account starts from zero at this address.
   */
  async confirm(user: TUser, password: unknown, ip: string, field: string): Promise<void> {
    const address = requireClientIp(ip);
    const account = accountOf(this.users.getId(user));
    const hash = this.users.getPasswordHash(user) ?? '';
    if (!(await this.inSlot(address, () => this.matches(password, hash, account, address)))) {
      throw new FieldErrorsException({ [field]: [PASSWORDS_MESSAGES.wrongPassword] });
    }
    await this.attempts.succeeded(account, address);
  }

  /** Hashes a new password in a hashing slot of the client address. */
  hash(password: string, ip: string): Promise<string> {
    return this.inSlot(ip, () => this.hasher.hash(password));
  }
}
