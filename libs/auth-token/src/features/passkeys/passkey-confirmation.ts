import { Inject, Injectable } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { UserStore } from '../../core/users/user-store.js';
import { accountOf, requireClientIp } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import type { PasskeyAnswer } from './passkey-options.js';
import { PasskeyRefusal } from './passkeys.exceptions.js';
import { PASSKEYS_MESSAGES } from './passkeys.messages.js';

/**
 * A passkey of a signed-in user, to confirm a sensitive step (re-authentication). Refused: 400 naming
 * `challengeId` or `response`, counted as a failed login of the account; accepted: the account starts from zero
 * at this address.
 */
@Injectable()
export class PasskeyConfirmation<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly assertions: PasskeyAssertions<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly attempts: LoginThrottle,
  ) {}

  /** Whether the host turned passkeys on. */
  get available(): boolean {
    return this.options.passkeys.enabled;
  }

  async confirm(user: TUser, answer: PasskeyAnswer, ip: string): Promise<void> {
    const account = accountOf(this.users.getId(user));
    const address = requireClientIp(ip);
    await this.attempts.attempt(account, address);
    try {
      await this.assertions.verify('reauthenticate', answer, user);
    } catch (error) {
      if (!(error instanceof PasskeyRefusal)) throw error;
      const message =
        error.field === 'challengeId' ? PASSKEYS_MESSAGES.challengeRefused : PASSKEYS_MESSAGES.passkeyRefused;
      throw new FieldErrorsException({ [error.field]: [message] });
    }
    await this.attempts.succeeded(account, address);
  }
}
