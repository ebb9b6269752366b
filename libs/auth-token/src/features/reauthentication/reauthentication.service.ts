import { Injectable } from '@nestjs/common';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { MfaService } from '../two-factor/mfa.service.js';
import { PasskeyConfirmation } from '../passkeys/passkey-confirmation.js';
import { PasswordCheck } from '../passwords/password-check.js';
import { FreshUser } from '../../core/tokens/fresh-user.js';
import { TokenService } from '../../core/tokens/token.service.js';
import { REAUTHENTICATION_MESSAGES } from './reauthentication.messages.js';
import { REAUTHENTICATION_EVENTS, type ReauthenticatedEvent } from './reauthentication.events.js';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { eventClient } from '../../core/events/auth-token.events.js';
import { UserStore } from '../../core/users/user-store.js';
import type { RequestClientInfo } from '../../core/http/request-client.decorator.js';

/** A proof of identity: the password, a TOTP code of a user with the second factor on, or a passkey's answer. */
export interface ReauthenticationProof {
  password?: string;
  code?: string;
  /** The challenge of `POST /auth/reauthenticate/passkey/options`, with `response`. */
  challengeId?: unknown;
  /** The passkey's answer (the credential's JSON), with `challengeId`. */
  response?: unknown;
}

/**
 * Sudo mode: a signed-in user proves again who they are, and their login token may then create credentials for
 * `reauthentication.window` seconds (see `@RequireReauthentication()`). A wrong proof counts as a failed login.
 */
@Injectable()
export class ReauthenticationService<TUser extends object = object> {
  constructor(
    private readonly freshUser: FreshUser<TUser>,
    private readonly passwords: PasswordCheck<TUser>,
    private readonly mfa: MfaService<TUser>,
    private readonly tokens: TokenService<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly events: AuthTokenEventPublisher,
    private readonly passkeys: PasskeyConfirmation<TUser>,
  ) {}

  /** Checks the proof on the database's user and records it on the login token `tokenId`; 400 naming the field. */
  async reauthenticate(
    user: TUser,
    tokenId: string,
    { password, code, challengeId, response }: ReauthenticationProof,
    client: RequestClientInfo,
  ): Promise<void> {
    const fresh = await this.freshUser.load(user, tokenId);
    let method: ReauthenticatedEvent['method'];
    if (code) {
      await this.mfa.confirmCode(fresh, code, client.ip);
      method = 'totp';
    } else if (password) {
      await this.passwords.confirm(fresh, password, client.ip, 'password');
      method = 'password';
    } else if (this.passkeys.available && (challengeId !== undefined || response !== undefined)) {
      await this.passkeys.confirm(fresh, { challengeId, response }, client.ip);
      method = 'passkey';
    } else throw new FieldErrorsException({ password: [REAUTHENTICATION_MESSAGES.reauthenticationProofRequired] });
    await this.tokens.markAuthenticated(fresh, tokenId);
    await this.events.publish(REAUTHENTICATION_EVENTS.reauthenticated, {
      userId: this.users.getId(fresh),
      tokenId,
      method,
      client: eventClient(client),
    });
  }
}
