import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { Clock } from '../../core/time/clock.js';
import type { UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore, type UserId } from '../../core/users/user-store.js';
import type { AuthPasskeyChallenge, PasskeyCeremony } from './auth-passkey-challenge.entity.js';
import { AUTH_PASSKEY_CHALLENGE_REPOSITORY } from './passkey-repositories.js';
import { CHALLENGE_TTL } from './webauthn-policy.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A challenge just made: its id for the client, and its bytes for the options. */
export interface IssuedChallenge {
  challengeId: string;
  challenge: Buffer<ArrayBuffer>;
}

/**
 * The challenges of passkey ceremonies, one row each (see AuthPasskeyChallenge): made with the options, spent by
 * the first answer that names them, whether that answer is accepted or not.
 */
@Injectable()
export class PasskeyChallenges<TUser extends object = object> {
  constructor(
    @Inject(AUTH_PASSKEY_CHALLENGE_REPOSITORY)
    private readonly challenges: Repository<UserBound<AuthPasskeyChallenge>> | null,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
  ) {}

  /** A new challenge of `ceremony`, for `user` when the ceremony knows who it is for (all but a login). */
  async issue(ceremony: PasskeyCeremony, user: TUser | null): Promise<IssuedChallenge> {
    const challenges = this.repository();
    const now = this.clock.now();
    // The expired ones go here, an indexed delete of a few rows: the table holds only the last five minutes.
    await challenges.delete({ expiresAt: LessThanOrEqual(now) });
    const challenge = randomBytes(32);
    const challengeId = randomUUID();
    await challenges.insert({
      id: challengeId,
      challenge: challenge.toString('base64url'),
      ceremony,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL * 1000),
      ...(user ? { user } : {}),
    });
    return { challengeId, challenge };
  }

  /**
   * Spends the challenge `challengeId`, whatever comes of the answer: resolves to the challenge (base64url) when
   * it was live, made for `ceremony`, and for `user` (no user for a login); else to null. Of two answers naming
   * the same challenge at once, one gets it.
   */
  async spend(challengeId: unknown, ceremony: PasskeyCeremony, user: TUser | null): Promise<string | null> {
    if (typeof challengeId !== 'string' || !UUID.test(challengeId)) return null;
    const challenges = this.repository();
    const found = await challenges.findOne({ where: { id: challengeId }, loadRelationIds: { relations: ['user'] } });
    if (!found) return null;
    const deleted = await challenges.delete({ id: challengeId });
    if ((deleted.affected ?? 0) === 0) return null;
    const owner = (found.user ?? null) as UserId | null;
    const expected = user === null ? null : this.users.getId(user);
    const sameUser = owner === null || expected === null ? owner === expected : String(owner) === String(expected);
    if (found.ceremony !== ceremony || !sameUser || found.expiresAt.getTime() <= this.clock.now().getTime())
      return null;
    return found.challenge;
  }

  private repository(): Repository<UserBound<AuthPasskeyChallenge>> {
    if (!this.challenges) throw new Error('Passkeys are off: set passkeys.rpId');
    return this.challenges;
  }
}
