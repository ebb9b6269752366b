import { Inject, Injectable, Logger } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { EmailConfirmationService } from './email-confirmation.service.js';
import { MailUnavailableException } from '../../core/errors/auth-token.exceptions.js';
import { FieldErrorsException, type FieldErrors } from '../../core/errors/field-errors.exception.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { PasswordPolicy } from '../passwords/password-policy.js';
import { PasswordCheck } from '../passwords/password-check.js';
import { UserAlreadyExistsError, UserStore } from '../../core/users/user-store.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import type { RegisterDto } from './dto/register.dto.js';
import { MailThrottle } from '../throttling/mail-throttle.service.js';
import { throttleAddress } from '../throttling/client-address.js';
import { requireClientIp } from '../throttling/login-client.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { normalizeUsername, usernameProblem } from '../../core/users/username.js';
import { mixedScriptProblem } from '../../core/users/mixed-script.js';
import { REGISTRATION_MESSAGES } from './registration.messages.js';
import { REGISTRATION_EVENTS } from './registration.events.js';

/** Who is registering, as the HTTP layer sees it. */
export interface RegistrationClient {
  /** The client's IP address (registrations are limited per address). */
  ip: string;
  /** The reader's Accept-Language, to pick the confirmation mail's template. */
  acceptLanguage?: string;
}

/** Creates accounts: checks the name and the password, stores the user, and mails the confirmation link. */
@Injectable()
export class RegistrationService<TUser extends object = object> {
  private readonly logger = new Logger('AuthToken');

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    private readonly users: UserStore<TUser>,
    private readonly passwords: PasswordCheck<TUser>,
    private readonly policy: PasswordPolicy,
    private readonly confirmation: EmailConfirmationService<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly throttle: ThrottleService,
    private readonly mailThrottle: MailThrottle,
  ) {}

  /**
   * Registers a user. At most `throttle.maxRegistrationsPerIp` per client address per window (429). Field
   * problems reject with a 400 naming each field. With e-mail confirmation on, at most
   * `throttle.maxMailsPerAddress` confirmation mails go to one address per window (later registrations naming it
   * are accepted without a mail), and a mail that cannot be sent undoes the registration (503), so the username
   * stays free.
   */
  async register(input: RegisterDto, client: RegistrationClient): Promise<TUser> {
    const ip = requireClientIp(client?.ip);
    const { acceptLanguage } = client;
    const { maxRegistrationsPerIp } = this.options.throttle;
    await this.throttle.hit([{ scope: 'register-ip', identity: throttleAddress(ip), limit: maxRegistrationsPerIp }]);
    const errors: FieldErrors = {};
    const { login, email } = this.loginAndEmail(input, errors);
    const username = normalizeUsername(login);
    const usernameError = errors.username || errors.email ? null : this.usernameProblem(username);
    if (usernameError) errors.username = [usernameError];
    if (this.options.emailConfirm.enabled && !email) errors.email = [REGISTRATION_MESSAGES.emailRequired];
    const passwordProblems = await this.policy.problems(input.password, { username, email });
    if (passwordProblems.length) errors.password = passwordProblems;
    if (Object.keys(errors).length) throw new FieldErrorsException(errors);

    // The reads spare a KDF run for the common duplicate or look-alike; the database's unique indexes decide races.
    if (await this.isTaken(username))
      throw new FieldErrorsException({ username: [REGISTRATION_MESSAGES.usernameTaken] });
    // An address whose mail allowance is spent still registers, without a mail: junk registrations naming
    // someone's address must not stop that person's own registration (a resend later sends the link).
    const mails =
      this.confirmation.enabled && email !== null && (await this.mailThrottle.allowsSend('confirmation', email));
    const passwordHash = await this.passwords.hash(input.password, ip);
    let user: TUser;
    try {
      user = await this.users.create({ username, passwordHash, email, emailConfirmed: false });
    } catch (error) {
      if (error instanceof UserAlreadyExistsError)
        throw new FieldErrorsException({ username: [REGISTRATION_MESSAGES.usernameTaken] });
      throw error;
    }
    if (mails) await this.sendOrUndo(user, acceptLanguage);
    await this.events.publish(REGISTRATION_EVENTS.userRegistered, { userId: this.users.getId(user), username });
    return user;
  }

  /**
   * The login name and the address. When the login is the e-mail address (one column), either field gives it,
   * and both only when they are equal; it must then be an address.
   */
  private loginAndEmail(input: RegisterDto, errors: FieldErrors): { login: string; email: string | null } {
    const given = input.username?.trim() || undefined;
    const email = input.email?.trim() || undefined;
    if (!this.users.loginIsEmail()) {
      if (!given) errors.username = [REGISTRATION_MESSAGES.usernameRequired];
      return { login: given ?? '', email: email ?? null };
    }
    if (given && email && given.toLowerCase() !== email.toLowerCase())
      errors.email = [REGISTRATION_MESSAGES.loginEmailMismatch];
    const address = given ?? email;
    if (!address) errors.username = [REGISTRATION_MESSAGES.usernameRequired];
    else if (!isEmail(address)) errors.username = [REGISTRATION_MESSAGES.emailInvalid];
    return { login: address ?? '', email: address ?? null };
  }

  /**
   * UTS #39's look-alike rules (mixed scripts, confusable skeletons) hold for names people pick, not for an e-mail
   * login: that is an address its owner proves by mail, and real addresses can mix scripts or look alike.
   */
  private usernameProblem(username: string): string | null {
    return usernameProblem(username) ?? (this.users.loginIsEmail() ? null : mixedScriptProblem(username));
  }

  /** Whether a user has this name, or (see above) one that looks like it. */
  private async isTaken(username: string): Promise<boolean> {
    if (await this.users.findByLogin(username)) return true;
    return !this.users.loginIsEmail() && (await this.users.findLookAlike(username)) !== null;
  }

  private async sendOrUndo(user: TUser, acceptLanguage?: string): Promise<void> {
    try {
      await this.confirmation.sendConfirmationEmail(user, { acceptLanguage });
    } catch (error) {
      this.logger.error(
        `Confirmation mail not sent, registration undone: ${error instanceof Error ? error.message : String(error)}`,
      );
      await this.users.delete(user);
      throw new MailUnavailableException();
    }
  }
}
