import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import type { UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore, type UserId } from '../../core/users/user-store.js';
import type { AuthPasskey } from './auth-passkey.entity.js';
import { PasskeyChallenges } from './passkey-challenges.js';
import type { PasskeyAnswer, PasskeyCeremonyOptions } from './passkey-options.js';
import { credentialOf } from './passkey-registration.js';
import { AUTH_PASSKEY_REPOSITORY } from './passkey-repositories.js';
import { PasskeyService } from './passkey.service.js';
import { PasskeyRefusal } from './passkeys.exceptions.js';
import { PASSKEYS_EVENTS, type PasskeyUsedEvent } from './passkeys.events.js';
import { WebAuthn } from './webauthn-server.js';
import { CHALLENGE_TTL, REQUIRE_USER_VERIFICATION, USER_VERIFICATION, userHandleOf } from './webauthn-policy.js';

/** The ceremonies in which a passkey proves its user: a passwordless login, a login's second step, sudo mode. */
export type AssertionCeremony = PasskeyUsedEvent['ceremony'];

/** A passkey that proved its user. */
export interface ProvedPasskey<TUser> {
  user: TUser;
  passkey: AuthPasskey;
}

/** Longest credential id WebAuthn allows, in base64url (1023 bytes). */
const MAX_CREDENTIAL_ID = 1364;

/**
 * A passkey proving who its user is (a WebAuthn assertion): the request options, then the check of the answer:
 * challenge, origin, RP ID hash, user presence and verification, signature, user handle and signature counter.
 */
@Injectable()
export class PasskeyAssertions<TUser extends object = object> {
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

  /**
   * Request options for `ceremony`. For a login nobody is known yet: `allowCredentials` is empty and the
   * authenticator offers its discoverable passkeys of this site; otherwise it lists `user`'s passkeys.
   */
  async requestOptions(ceremony: AssertionCeremony, user: TUser | null): Promise<PasskeyCeremonyOptions> {
    const { challengeId, challenge } = await this.challenges.issue(ceremony, user);
    const options = await this.webauthn.library.generateAuthenticationOptions({
      rpID: this.options.passkeys.rpId,
      allowCredentials: user ? (await this.service.ofUser(user)).map(credentialOf) : [],
      challenge,
      timeout: CHALLENGE_TTL * 1000,
      userVerification: USER_VERIFICATION,
    });
    return { challengeId, options };
  }

  /**
   * Checks an answer to a challenge of `ceremony` made for `user` (null for a login, where the passkey names its
   * user). The challenge is spent first, whatever follows. Throws {@link PasskeyRefusal} for every refusal:
   * a challenge that is not live, of this ceremony and this user; an unknown credential, or another user's; a
   * `userHandle` that is not the passkey's user (required for a login); a wrong type, origin or RP ID hash; the
   * user-present or user-verified flag unset; a bad signature; a signature counter not above the stored one when
   * either is non-zero (both 0 is what authenticators without a counter send).
   */
  async verify(ceremony: AssertionCeremony, { challengeId, response }: PasskeyAnswer, user: TUser | null) {
    const expectedChallenge = await this.challenges.spend(challengeId, ceremony, user);
    if (!expectedChallenge) throw new PasskeyRefusal('challengeId', 'no live challenge of this ceremony');
    const answer = (response ?? {}) as { id?: unknown; response?: { userHandle?: unknown } };
    const credentialId = typeof answer.id === 'string' && answer.id.length <= MAX_CREDENTIAL_ID ? answer.id : null;
    const found = credentialId ? await this.findPasskey(credentialId) : null;
    if (!found) throw new PasskeyRefusal('response', 'unknown credential');
    const { passkey, ownerId } = found;
    if (user && String(ownerId) !== String(this.users.getId(user)))
      throw new PasskeyRefusal('response', "another user's credential", ownerId);
    const userHandle = answer.response?.userHandle;
    const expectedHandle = userHandleOf(ownerId).toString('base64url');
    // A login learns its user from the passkey: the authenticator must name the same user (WebAuthn §7.2, step 6).
    if ((user === null || (userHandle !== undefined && userHandle !== null)) && userHandle !== expectedHandle)
      throw new PasskeyRefusal('response', 'user handle of another user', ownerId);
    const counter = await this.check(response, expectedChallenge, passkey, ownerId);
    await this.recordUse(passkey, counter, ownerId);
    const owner = user ?? (await this.users.findById(ownerId));
    if (!owner) throw new PasskeyRefusal('response', 'the user is gone');
    await this.events.publish(PASSKEYS_EVENTS.passkeyUsed, {
      userId: ownerId,
      passkeyId: passkey.id,
      name: passkey.name,
      ceremony,
    });
    return { user: owner, passkey } satisfies ProvedPasskey<TUser>;
  }

  /** The passkey of a credential id and its owner's id, or null. */
  async findPasskey(credentialId: string): Promise<{ passkey: AuthPasskey; ownerId: UserId } | null> {
    const found = await this.repository().findOne({
      where: { credentialId },
      loadRelationIds: { relations: ['user'] },
    });
    if (!found || found.user === undefined || found.user === null) return null;
    const ownerId = found.user as unknown as UserId;
    delete found.user;
    return { passkey: found, ownerId };
  }

  /** The library's check of origin, RP ID, flags, signature and counter; resolves to the new counter. */
  private async check(
    response: unknown,
    expectedChallenge: string,
    passkey: AuthPasskey,
    ownerId: UserId,
  ): Promise<number> {
    const { rpId, origins } = this.options.passkeys;
    try {
      const outcome = await this.webauthn.library.verifyAuthenticationResponse({
        response: response as never,
        expectedChallenge,
        expectedOrigin: origins,
        expectedRPID: rpId,
        credential: {
          id: passkey.credentialId,
          publicKey: Buffer.from(passkey.publicKey, 'base64url'),
          counter: passkey.counter,
        },
        requireUserVerification: REQUIRE_USER_VERIFICATION,
      });
      if (!outcome.verified) throw new Error('bad signature');
      return outcome.authenticationInfo.newCounter;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.debug(`Passkey refused: ${reason}`);
      throw new PasskeyRefusal('response', reason, ownerId);
    }
  }

  /**
   * Stores the new counter and the time of use, only if the counter is still above the stored one (or both are 0):
   * of two answers carrying the same counter at once, one passes.
   */
  private async recordUse(passkey: AuthPasskey, counter: number, ownerId: UserId): Promise<void> {
    const updated = await this.repository()
      .createQueryBuilder()
      .update()
      .set({ counter, lastUsedAt: this.clock.now() })
      .where('id = :id', { id: passkey.id })
      .andWhere('("counter" < :seen OR ("counter" = 0 AND :seen = 0))', { seen: counter })
      .execute();
    if ((updated.affected ?? 0) === 0)
      throw new PasskeyRefusal('response', 'signature counter not above the stored one', ownerId);
  }

  private repository(): Repository<UserBound<AuthPasskey>> {
    if (!this.passkeys) throw new Error('Passkeys are off: set passkeys.rpId');
    return this.passkeys;
  }
}
