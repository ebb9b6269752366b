import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_KNOWN_DEVICE_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import type { UserId } from '../../core/users/user-store.js';
import { isUniqueViolation } from '../../core/users/unique-violation.js';
import { deviceParts } from '../sessions/device-name.js';
import type { AuthKnownDevice } from './auth-known-device.entity.js';

/** What a sign-in's device was to its account: the account's very first, one seen recently, or a new one. */
export type DeviceSighting = 'first' | 'known' | 'new';

/** Most devices remembered per user; the least recently seen beyond it are forgotten. */
const MAX_DEVICES = 20;
const MAX_DEVICE = 100;

/** The device of a `User-Agent` as it is remembered: browser and operating system, without versions. */
export function deviceKey(userAgent: string | null): string {
  const { browserFamily, os } = deviceParts(userAgent);
  return `${browserFamily ?? 'an unknown client'} on ${os ?? 'an unknown system'}`.slice(0, MAX_DEVICE);
}

/** The devices each user signed in from, and whether a sign-in's device is new to its account. */
@Injectable()
export class KnownDevices {
  private readonly userKey: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_KNOWN_DEVICE_REPOSITORY) private readonly devices: Repository<UserBound<AuthKnownDevice>>,
  ) {
    this.userKey = new UserKey(devices);
  }

  /**
   * Records a sign-in of the user from the device of `userAgent` at `now`, and tells what the device was: `known`
   * when seen within `securityNotices.deviceMemory`, `first` when the account had no device at all, else `new`.
   * Of parallel sign-ins from one new device, one is told `new`.
   */
  async sighted(userId: UserId, userAgent: string | null, now: Date): Promise<DeviceSighting> {
    const device = deviceKey(userAgent);
    const cutoff = new Date(now.getTime() - this.options.securityNotices.deviceMemory * 1000);
    if (await this.touch(userId, device, now, '"lastSeenAt" > :cutoff', cutoff)) return 'known';
    if (await this.touch(userId, device, now, '"lastSeenAt" <= :cutoff', cutoff)) return 'new';
    const hadDevices = await this.devices
      .createQueryBuilder('known')
      .where(...this.userKey.is(userId, 'known'))
      .getExists();
    try {
      await this.devices.insert({
        id: randomUUID(),
        device,
        firstSeenAt: now,
        lastSeenAt: now,
        user: this.userKey.ref(userId),
      });
    } catch (error) {
      // A parallel sign-in from the same device recorded it first, and tells about it.
      if (isUniqueViolation(error)) return 'known';
      throw error;
    }
    await this.forgetBeyondLimit(userId);
    return hadDevices ? 'new' : 'first';
  }

  private async touch(userId: UserId, device: string, now: Date, seen: string, cutoff: Date): Promise<boolean> {
    const result = await this.devices
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: now })
      .where(...this.userKey.is(userId))
      .andWhere('device = :device', { device })
      .andWhere(seen, { cutoff })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private async forgetBeyondLimit(userId: UserId): Promise<void> {
    const kept = this.devices
      .createQueryBuilder('kept')
      .select('kept.id')
      .where(this.userKey.is(userId, 'kept')[0])
      .orderBy('kept.lastSeenAt', 'DESC')
      .addOrderBy('kept.id', 'DESC')
      .limit(MAX_DEVICES);
    await this.devices
      .createQueryBuilder()
      .delete()
      .where(...this.userKey.is(userId))
      .andWhere(`id NOT IN (${kept.getQuery()})`)
      .execute();
  }
}
