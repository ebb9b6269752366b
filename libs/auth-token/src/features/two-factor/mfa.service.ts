import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_MFA_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { PasswordCheck } from '../passwords/password-check.js';
import { accountOf, requireClientIp } from '../throttling/login-client.js';
import { LoginThrottle } from '../throttling/login-throttle.service.js';
import { Clock } from '../../core/time/clock.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore } from '../../core/users/user-store.js';
import type { AuthMfa } from './auth-mfa.entity.js';
import { SecretBox } from './secret-box.js';
import { matchingStep, newTotpSecret, otpauthUrl, toBase32 } from './totp.js';
import { TWO_FACTOR_MESSAGES } from './two-factor.messages.js';
import { TWO_FACTOR_EVENTS } from './two-factor.events.js';
import { eventClient } from '../../core/events/auth-token.events.js';
import type { RequestClientInfo } from '../../core/http/request-client.decorator.js';

/** Who asks for a change of the second factor (see `RequestClient`). */

const RECOVERY_CODES = 10;

/** What a second-factor check was given. */
export interface MfaProof {
  code?: string;
  recoveryCode?: string;
}

/** A new authenticator's secret, shown at setup only. */
export interface TotpSetup {
  /** Base32, for typing into an app. */
  secret: string;
  /** `otpauth://totp/...`, for a QR code. */
  otpauthUrl: string;
}

/** `xxxx-xxxx-xxxx` of 60 random bits; compared without case, spaces or dashes. */
const newRecoveryCode = () =>
  toBase32(randomBytes(8))
    .slice(0, 12)
    .toLowerCase()
    .replace(/(.{4})(?=.)/g, '$1-');
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/**
 * Two-factor login with a TOTP authenticator app (RFC 6238) and single-use recovery codes. Exported for hosts:
 * an admin resets a user's second factor with {@link reset} (after checking who asks, out of band).
 */
@Injectable()
export class MfaService<TUser extends object = object> {
  private readonly box: SecretBox | null;
  private readonly userKey: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_MFA_REPOSITORY) private readonly factors: Repository<UserBound<AuthMfa>>,
    private readonly users: UserStore<TUser>,
    private readonly passwords: PasswordCheck<TUser>,
    private readonly attempts: LoginThrottle,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
  ) {
    this.box = options.mfa.key ? new SecretBox(options.mfa.key) : null;
    this.userKey = new UserKey(factors);
  }

  /** Whether the host turned two-factor login on (`mfa.encryptionKey`). */
  get available(): boolean {
    return this.box !== null;
  }

  /** Whether the user logs in with a second factor. */
  async isEnabled(user: TUser): Promise<boolean> {
    if (!this.box) return false;
    return (await this.find(user))?.enabledAt != null;
  }

  /** A new secret for the user's authenticator; nothing is on until {@link enable} gets a valid code. */
  async setup(user: TUser): Promise<TotpSetup> {
    const box = this.requireBox();
    const existing = await this.find(user);
    if (existing?.enabledAt) throw new ConflictException(TWO_FACTOR_MESSAGES.mfaAlreadyOn);
    const secret = newTotpSecret();
    const sealed = box.seal(secret, this.context(user));
    if (existing)
      await this.factors.update({ id: existing.id }, { secret: sealed, lastUsedStep: null, recoveryCodes: [] });
    else {
      await this.factors.insert({
        id: randomUUID(),
        secret: sealed,
        enabledAt: null,
        lastUsedStep: null,
        recoveryCodes: [],
        createdAt: this.clock.now(),
        user,
      });
    }
    return {
      secret: toBase32(secret),
      otpauthUrl: otpauthUrl(secret, this.options.mfa.issuer, this.users.getLogin(user)),
    };
  }

  /** Turns the factor on with a code from the app; resolves to ten recovery codes, shown this once. */
  async enable(user: TUser, code: string, client: RequestClientInfo): Promise<string[]> {
    const factor = await this.find(user);
    if (!factor) throw new FieldErrorsException({ code: [TWO_FACTOR_MESSAGES.mfaNotSetUp] });
    if (factor.enabledAt) throw new ConflictException(TWO_FACTOR_MESSAGES.mfaAlreadyOn);
    const account = accountOf(this.users.getId(user));
    const ip = requireClientIp(client.ip);
    await this.attempts.attempt(account, ip);
    const step = matchingStep(
      this.secretOf(factor, user),
      String(code ?? ''),
      this.clock.now().getTime(),
      factor.lastUsedStep,
    );
    if (step === null) throw new FieldErrorsException({ code: [TWO_FACTOR_MESSAGES.mfaCodeWrong] });
    await this.attempts.succeeded(account, ip);
    const codes = this.newRecoveryCodes();
    await this.factors.update(
      { id: factor.id },
      { enabledAt: this.clock.now(), lastUsedStep: step, recoveryCodes: codes.map((c) => this.digest(c)) },
    );
    await this.events.publish(TWO_FACTOR_EVENTS.mfaEnabled, {
      userId: this.users.getId(user),
      client: eventClient(client),
    });
    return codes;
  }

  /** Turns the factor off, after the password (a wrong one counts as a failed login). */
  async disable(user: TUser, password: string, client: RequestClientInfo): Promise<void> {
    await this.passwords.confirm(user, password, client.ip, 'password');
    if (!(await this.remove(user, client)))
      throw new FieldErrorsException({ password: [TWO_FACTOR_MESSAGES.mfaNotOn] });
  }

  /** Ten new recovery codes (the old ones stop working), after the password. */
  async regenerateRecoveryCodes(user: TUser, password: string, client: RequestClientInfo): Promise<string[]> {
    await this.passwords.confirm(user, password, client.ip, 'password');
    const factor = await this.find(user);
    if (!factor?.enabledAt) throw new FieldErrorsException({ password: [TWO_FACTOR_MESSAGES.mfaNotOn] });
    const codes = this.newRecoveryCodes();
    await this.factors.update({ id: factor.id }, { recoveryCodes: codes.map((c) => this.digest(c)) });
    await this.events.publish(TWO_FACTOR_EVENTS.recoveryCodesRenewed, {
      userId: this.users.getId(user),
      client: eventClient(client),
    });
    return codes;
  }

  /**
   * Removes the user's second factor without a password: for an admin helping a user who lost both the app
   * and the recovery codes (check who asks first). A password reset does not do this. Resolves to whether
   * a factor was on.
   */
  reset(user: TUser): Promise<boolean> {
    return this.remove(user, undefined);
  }

  private async remove(user: TUser, client: RequestClientInfo | undefined): Promise<boolean> {
    const result = await this.factors
      .createQueryBuilder()
      .delete()
      .where(...this.userKey.is(this.users.getId(user)))
      .execute();
    const removed = (result.affected ?? 0) > 0;
    if (removed)
      await this.events.publish(TWO_FACTOR_EVENTS.mfaDisabled, {
        userId: this.users.getId(user),
        client: eventClient(client),
      });
    return removed;
  }

  /**
   * A TOTP code of a signed-in user with the factor on, to confirm a sensitive step (re-authentication). Wrong,
   * used, or no factor on: 400 naming `code`, counted as a failed login of the account; right: the account starts
   * from zero at this address.
   */
  async confirmCode(user: TUser, code: string, ip: string): Promise<void> {
    const account = accountOf(this.users.getId(user));
    const address = requireClientIp(ip);
    await this.attempts.attempt(account, address);
    if ((await this.verify(user, { code })) !== 'totp')
      throw new FieldErrorsException({ code: [TWO_FACTOR_MESSAGES.mfaCodeWrong] });
    await this.attempts.succeeded(account, address);
  }

  /**
   * Checks a second-factor proof of the user: a TOTP code (once per time step, one step of skew) or an unused
   * recovery code (spent by this check). Resolves to what matched, or null. Throttling is the caller's.
   */
  async verify(user: TUser, { code, recoveryCode }: MfaProof): Promise<'totp' | 'recovery' | null> {
    const factor = await this.find(user);
    if (!factor?.enabledAt) return null;
    if (typeof code === 'string' && code !== '') {
      const step = matchingStep(this.secretOf(factor, user), code, this.clock.now().getTime(), factor.lastUsedStep);
      if (step === null) return null;
      // Only one request may spend this step: the update must find the older step still in place.
      const spent = await this.factors
        .createQueryBuilder()
        .update()
        .set({ lastUsedStep: step })
        .where('id = :id', { id: factor.id })
        .andWhere('("lastUsedStep" IS NULL OR "lastUsedStep" < :step)', { step })
        .execute();
      return (spent.affected ?? 0) > 0 ? 'totp' : null;
    }
    if (typeof recoveryCode === 'string' && recoveryCode !== '') {
      const digest = this.digest(recoveryCode);
      const index = factor.recoveryCodes.findIndex(
        (stored) => stored.length === digest.length && timingSafeEqual(Buffer.from(stored), Buffer.from(digest)),
      );
      if (index < 0) return null;
      const remaining = factor.recoveryCodes.filter((_stored, i) => i !== index);
      const spent = await this.factors
        .createQueryBuilder()
        .update()
        .set({ recoveryCodes: remaining })
        .where('id = :id', { id: factor.id })
        .andWhere('"recoveryCodes" = :before', { before: factor.recoveryCodes.join(' ') })
        .execute();
      if ((spent.affected ?? 0) === 0) return null;
      await this.events.publish(TWO_FACTOR_EVENTS.recoveryCodeUsed, {
        userId: this.users.getId(user),
        remaining: remaining.length,
      });
      return 'recovery';
    }
    return null;
  }

  private find(user: TUser): Promise<AuthMfa | null> {
    return this.factors
      .createQueryBuilder('factor')
      .where(...this.userKey.is(this.users.getId(user), 'factor'))
      .getOne();
  }

  private secretOf(factor: AuthMfa, user: TUser): Buffer {
    return this.requireBox().open(factor.secret, this.context(user));
  }

  private requireBox(): SecretBox {
    if (!this.box) throw new Error('Two-factor login is off: set mfa.encryptionKey');
    return this.box;
  }

  /** Associated data binding a sealed secret to its user. */
  private context(user: TUser): string {
    return `auth-token:mfa:${String(this.users.getId(user))}`;
  }

  private newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  }

  /** Recovery codes carry 60 random bits: a keyed hash is enough (no KDF), and useless without the key. */
  private digest(code: string): string {
    this.requireBox();
    return createHmac('sha256', this.options.mfa.key as Buffer)
      .update(normalizeRecoveryCode(code))
      .digest('hex');
  }
}
