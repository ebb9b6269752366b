import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import type { UserBound } from '../../core/users/user-bound-entity.js';
import { isUniqueViolation } from '../../core/users/unique-violation.js';
import { UserStore } from '../../core/users/user-store.js';
import type { AuthPasskey } from './auth-passkey.entity.js';
import { PasskeyChallenges } from './passkey-challenges.js';
import type { PasskeyAnswer, PasskeyCeremonyOptions } from './passkey-options.js';
import { AUTH_PASSKEY_REPOSITORY } from './passkey-repositories.js';
import { PasskeyService, passkeyName } from './passkey.service.js';
import { PASSKEYS_EVENTS } from './passkeys.events.js';
import { PASSKEYS_MESSAGES } from './passkeys.messages.js';
import { TRANSPORTS, WebAuthn, type Transport } from './webauthn-server.js';
import {
  CHALLENGE_TTL,
  REQUIRE_USER_VERIFICATION,
  SUPPORTED_ALGORITHMS,
  USER_VERIFICATION,
  userHandleOf,
} from './webauthn-policy.js';

/** The passkey just added, as `POST /auth/passkeys/register` answers it. */
export interface AddedPasskey {
  id: string;
  name: string;
  createdAt: Date;
}

/**
 * Adding a passkey to a signed-in account: the creation options (a discoverable credential, user verification,
 * attestation `none`), then the authenticator's answer, checked and stored.
 */
@Injectable()
export class PasskeyRegistration<TUser extends object = object> {
  private readonly logger = new Logger('AuthToken');

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_PASSKEY_REPOSITORY) private readonly passkeys: Repository<UserBound<AuthPasskey>> | null,
    private readonly webauthn: WebAuthn,
    private readonly challenges: PasskeyChallenges<TUser>,
    private readonly service: PasskeyService<TUser>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
  ) {}

  /** Creation options for a new passkey of `user`; its passkeys are excluded (an authenticator holds one per site). */
  async creationOptions(user: TUser): Promise<PasskeyCeremonyOptions> {
    const { rpId, rpName } = this.options.passkeys;
    const { challengeId, challenge } = await this.challenges.issue('register', user);
    const login = this.users.getLogin(user);
    const options = await this.webauthn.library.generateRegistrationOptions({
      rpName,
      rpID: rpId,
      userName: login,
      userID: userHandleOf(this.users.getId(user)),
      challenge,
      userDisplayName: login,
      timeout: CHALLENGE_TTL * 1000,
      attestationType: 'none',
      excludeCredentials: (await this.service.ofUser(user)).map(credentialOf),
      authenticatorSelection: { residentKey: 'required', userVerification: USER_VERIFICATION },
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
    return { challengeId, options };
  }

  /**
   * Checks the authenticator's answer to the challenge `challengeId` and stores the new passkey. Refused with 400:
   * a challenge that is not this user's live registration challenge (naming `challengeId`); a wrong type,
   * challenge, origin or RP ID hash, a missing user-present or user-verified flag, or a credential already
   * registered (naming `response`).
   */
  async register(user: TUser, { challengeId, response }: PasskeyAnswer, name?: unknown): Promise<AddedPasskey> {
    const given = name === undefined || name === null || name === '' ? undefined : passkeyName(name);
    if (given === null) throw new FieldErrorsException({ name: [PASSKEYS_MESSAGES.nameInvalid] });
    const expectedChallenge = await this.challenges.spend(challengeId, 'register', user);
    if (!expectedChallenge) throw new FieldErrorsException({ challengeId: [PASSKEYS_MESSAGES.challengeRefused] });
    const info = await this.verify(response, expectedChallenge);
    const passkeys = this.repository();
    if (await passkeys.existsBy({ credentialId: info.credential.id })) throw this.taken();
    const passkey = {
      id: randomUUID(),
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: transportsOf(response),
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      aaguid: info.aaguid,
      name: given ?? (await this.defaultName(user)),
      createdAt: this.clock.now(),
      lastUsedAt: null,
    };
    try {
      await passkeys.insert({ ...passkey, user });
    } catch (error) {
      // The same credential registered by a parallel request a moment ago.
      if (isUniqueViolation(error)) throw this.taken();
      throw error;
    }
    await this.events.publish(PASSKEYS_EVENTS.passkeyAdded, {
      userId: this.users.getId(user),
      passkeyId: passkey.id,
      name: passkey.name,
    });
    return { id: passkey.id, name: passkey.name, createdAt: passkey.createdAt };
  }

  private async verify(response: unknown, expectedChallenge: string) {
    const { rpId, origins } = this.options.passkeys;
    let outcome: Awaited<ReturnType<WebAuthn['library']['verifyRegistrationResponse']>>;
    try {
      outcome = await this.webauthn.library.verifyRegistrationResponse({
        response: response as never,
        expectedChallenge,
        expectedOrigin: origins,
        expectedRPID: rpId,
        requireUserPresence: true,
        requireUserVerification: REQUIRE_USER_VERIFICATION,
        supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
      });
    } catch (error) {
      this.logger.debug(`Passkey registration refused: ${error instanceof Error ? error.message : String(error)}`);
      throw new FieldErrorsException({ response: [PASSKEYS_MESSAGES.registrationRefused] });
    }
    // WebAuthn caps credential ids at 1023 bytes (1364 characters of base64url), as does the column.
    if (!outcome.verified || !outcome.registrationInfo || outcome.registrationInfo.credential.id.length > 1364)
      throw new FieldErrorsException({ response: [PASSKEYS_MESSAGES.registrationRefused] });
    return outcome.registrationInfo;
  }

  /** "Passkey", "Passkey 2", ...: the user renames it later. */
  private async defaultName(user: TUser): Promise<string> {
    const count = (await this.service.ofUser(user)).length;
    return count === 0 ? 'Passkey' : `Passkey ${count + 1}`;
  }

  private taken(): FieldErrorsException {
    return new FieldErrorsException({ response: [PASSKEYS_MESSAGES.passkeyTaken] });
  }

  private repository(): Repository<UserBound<AuthPasskey>> {
    if (!this.passkeys) throw new Error('Passkeys are off: set passkeys.rpId');
    return this.passkeys;
  }
}

/** A stored passkey as an entry of `excludeCredentials` or `allowCredentials`. */
export const credentialOf = ({ credentialId, transports }: AuthPasskey): { id: string; transports: Transport[] } => ({
  id: credentialId,
  transports: transports.filter((transport): transport is Transport => TRANSPORTS.includes(transport as Transport)),
});

/** The transports the browser reported for a new passkey (`response.response.transports`), known ones only. */
function transportsOf(response: unknown): Transport[] {
  const reported = (response as { response?: { transports?: unknown } }).response?.transports;
  if (!Array.isArray(reported)) return [];
  return [...new Set(reported)].filter((transport): transport is Transport =>
    TRANSPORTS.includes(transport as Transport),
  );
}
