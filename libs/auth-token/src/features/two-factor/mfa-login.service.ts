import { Injectable } from '@nestjs/common';
import { MfaLoginFailedException } from './two-factor.exceptions.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { UserStore } from '../../core/users/user-store.js';
import { LoginIssuer, type LoginResult } from '../../core/tokens/login-issuer.js';
import { SecondStep, type MfaChallenge } from '../login/second-step.js';
import { accountOf, requireClientIp, type LoginClient } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { MfaChallenges } from './mfa-challenges.js';
import { MfaService, type MfaProof } from './mfa.service.js';
import { accountLoginFailure, LOGIN_EVENTS } from '../login/login.events.js';
import { PasskeyAssertions } from '../passkeys/passkey-assertions.js';
import type { PasskeyAnswer, PasskeyCeremonyOptions } from '../passkeys/passkey-options.js';
import { PasskeyService } from '../passkeys/passkey.service.js';
import { PasskeyRefusal } from '../passkeys/passkeys.exceptions.js';
import { PASSKEYS_MESSAGES } from '../passkeys/passkeys.messages.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';

/** Seconds an mfaToken lives. */
const CHALLENGE_TTL = 300;

/** The second step's proof: a code, a recovery code, or a passkey's answer to an `mfa` challenge. */
export interface SecondFactorProof extends MfaProof {
  passkey?: PasskeyAnswer;
}

/**
 * Two-factor login: after the right password, a user with the factor on gets an mfaToken instead of a token,
 * and `POST /auth/login/mfa` completes the login with a TOTP code, a recovery code, or one of the user's passkeys.
 */
@Injectable()
export class MfaLoginService<TUser extends object = object> extends SecondStep<TUser> {
  constructor(
    private readonly mfa: MfaService<TUser>,
    private readonly challenges: MfaChallenges<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly attempts: LoginThrottle,
    private readonly issuer: LoginIssuer<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly passkeys: PasskeyService<TUser>,
    private readonly assertions: PasskeyAssertions<TUser>,
  ) {
    super();
  }

  async begin(user: TUser, client: { ip: string; userAgent?: string }): Promise<MfaChallenge | null> {
    if (!(await this.mfa.isEnabled(user))) return null;
    const mfaToken = await this.challenges.issue(user, client, CHALLENGE_TTL);
    return { mfaRequired: true, mfaToken, methods: (await this.passkeys.has(user)) ? ['totp', 'passkey'] : ['totp'] };
  }

  /** Request options listing the passkeys of the mfaToken's user; 401 for a bad mfaToken, 400 without a passkey. */
  async passkeyOptions(mfaToken: string): Promise<PasskeyCeremonyOptions> {
    const challenge = await this.challenges.find(mfaToken);
    if (!challenge || !this.users.isActive(challenge.user)) throw new MfaLoginFailedException();
    if (!(await this.passkeys.has(challenge.user)))
      throw new FieldErrorsException({ mfaToken: [PASSKEYS_MESSAGES.noPasskey] });
    return this.assertions.requestOptions('mfa', challenge.user);
  }

  /** `mfaEnabled` in `GET /auth/me` while two-factor login is available (the `mfa` option). */
  async describe(user: TUser): Promise<Record<string, unknown>> {
    return this.mfa.available ? { mfaEnabled: await this.mfa.isEnabled(user) } : {};
  }

  /**
   * The second step: a TOTP code or a recovery code, with the mfaToken of the first. A wrong code counts as a
   * failed login of the account, and the fifth ends the mfaToken; the first success spends the mfaToken and
   * issues the login token. Every failure is the same 401.
   */
  async complete(mfaToken: string, proof: SecondFactorProof, client: LoginClient): Promise<LoginResult> {
    const ip = requireClientIp(client?.ip);
    const challenge = await this.challenges.find(mfaToken);
    if (!challenge || !this.users.isActive(challenge.user)) throw new MfaLoginFailedException();
    const { user, record } = challenge;
    const account = accountOf(this.users.getId(user));
    await this.attempts.attempt(account, ip);
    if (!(await this.proves(user, proof))) {
      await this.challenges.fail(record.id);
      await this.events.publish(
        LOGIN_EVENTS.loginFailed,
        accountLoginFailure(this.users, user, 'second-factor', client),
      );
      throw new MfaLoginFailedException();
    }
    if (!(await this.challenges.spend(record.id))) throw new MfaLoginFailedException();
    await this.attempts.succeeded(account, ip);
    return this.issuer.issue(user, { ...client, ip });
  }

  private async proves(user: TUser, { passkey, ...codes }: SecondFactorProof): Promise<boolean> {
    if (!passkey) return (await this.mfa.verify(user, codes)) !== null;
    if (!this.passkeys.available) return false;
    try {
      await this.assertions.verify('mfa', passkey, user);
      return true;
    } catch (error) {
      if (error instanceof PasskeyRefusal) return false;
      throw error;
    }
  }
}
