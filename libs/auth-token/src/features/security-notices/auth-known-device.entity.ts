import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';

/** Name of the table holding the devices each user signed in from. */
export const AUTH_KNOWN_DEVICE_TABLE = 'auth_known_device';

/**
 * A device a user signed in from: its browser and operating system (no versions: an updated browser is the same
 * device), and when it was first and last seen. Kept apart from the sessions, which end long before a device is
 * forgotten: an owner told again and again that their own phone is new stops reading.
 */
@Index('IDX_auth_known_device_user_device', ['user', 'device'], { unique: true })
export abstract class AuthKnownDevice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `<browser> on <operating system>`, e.g. "Chrome on Linux". */
  @Column({ type: 'varchar', length: 100 })
  device!: string;

  @Column()
  firstSeenAt!: Date;

  @Column()
  lastSeenAt!: Date;
}

export type AuthKnownDeviceWithUser<TUser extends object> = AuthKnownDevice & { user?: TUser };

/** The AuthKnownDevice entity bound to the host's User entity (ON DELETE CASCADE), one class per User entity. */
export function authKnownDeviceEntityFor<TUser extends object>(
  userEntity: Type<TUser>,
): Type<AuthKnownDeviceWithUser<TUser>> {
  return userBoundEntity(AuthKnownDevice, AUTH_KNOWN_DEVICE_TABLE, userEntity);
}
