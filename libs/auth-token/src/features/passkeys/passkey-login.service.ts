import { Inject, Injectable } from '@nestjs/common';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { LoginIssuer, type LoginResult } from '../../core/tokens/login-issuer.js';
import { UserStore } from '../../core/users/user-store.js';
import { EmailNotConfirmedException } from '../login/login.exceptions.js';
import { accountLoginFailure, LOGIN_EVENTS } from '../login/login.events.js';
import { accountOf, requireClientIp, type LoginClient } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { throttleAddress } from '../throttling/client-address.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import type { PasskeyAnswer, PasskeyCeremonyOptions } from './passkey-options.js';
import { PasskeyLoginFailedException, PasskeyRefusal } from './passkeys.exceptions.js';

/**
 * Passkey login challenges one client IP may have made in a minute: a login page asks for one per visit, so this
 * only bounds the rows one client can make (each lives 5 minutes).
 */
const LOGIN_CHALLENGES_PER_MINUTE = 120;

/**
 * Passwordless login with a discoverable passkey: request options naming no one, then the answer, whose passkey
 * names its user. A user-verified passkey is two factors in itself: no second step follows. Every refusal is the
 * same 401, counted on the client address's login limit (an account is known only once the passkey is).
 */
@Injectable()
export class PasskeyLoginService<TUser extends object = object> {
  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly assertions: PasskeyAssertions<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly attempts: LoginThrottle,
    private readonly issuer: LoginIssuer<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly throttle: ThrottleService,
  ) {}

  /**
   * Options for `navigator.credentials.get()`, with an empty `allowCredentials`. Anyone may ask, and each answer
   * stores a challenge: at most {@link LOGIN_CHALLENGES_PER_MINUTE} per client IP, then 429.
   */
  async requestOptions(ip: string): Promise<PasskeyCeremonyOptions> {
    await this.throttle.hit([
      {
        scope: 'passkey-login-challenge-ip',
        identity: throttleAddress(requireClientIp(ip)),
        limit: LOGIN_CHALLENGES_PER_MINUTE,
        window: 60,
      },
    ]);
    return this.assertions.requestOptions('login', null);
  }

  /** Logs in with the answer to a login challenge; an inactive user is refused, an unconfirmed one gets 403. */
  async login(answer: PasskeyAnswer, client: LoginClient): Promise<LoginResult> {
    const ip = requireClientIp(client?.ip);
    await this.attempts.attemptFromAddress(ip);
    let user: TUser;
    try {
      ({ user } = await this.assertions.verify('login', answer, null));
    } catch (error) {
      if (!(error instanceof PasskeyRefusal)) throw error;
      await this.reportRefusal(error, client);
      throw new PasskeyLoginFailedException();
    }
    if (!this.users.isActive(user)) throw new PasskeyLoginFailedException();
    const account = accountOf(this.users.getId(user));
    if (this.options.emailConfirm.enabled && !this.users.isEmailConfirmed(user)) {
      await this.attempts.succeededFromAddress(account, ip);
      await this.events.publish(
        LOGIN_EVENTS.loginFailed,
        accountLoginFailure(this.users, user, 'email-not-confirmed', client),
      );
      throw new EmailNotConfirmedException();
    }
    await this.attempts.succeededFromAddress(account, ip);
    return this.issuer.issue(user, { userAgent: client.userAgent, ip });
  }

  /** A refused passkey of a known user is a failed login of that user (for the host's security log). */
  private async reportRefusal({ ownerId }: PasskeyRefusal, client: LoginClient): Promise<void> {
    const user = ownerId === undefined ? null : await this.users.findById(ownerId);
    if (!user) return;
    await this.events.publish(LOGIN_EVENTS.loginFailed, accountLoginFailure(this.users, user, 'passkey', client));
  }
}
