import type { Type } from '@nestjs/common';
import { Column, Index, PrimaryColumn } from 'typeorm';
import { userBoundEntity } from '../../core/users/user-bound-entity.js';
import type { SecurityEventType } from './security-event-type.js';

/** Name of the table holding the users' security logs. */
export const AUTH_SECURITY_EVENT_TABLE = 'auth_security_event';

/**
 * One entry of a user's security log: what happened, when, and from where (the IP address, the device in words).
 * Never a token, a code or a password; kept `securityLog.retention` seconds.
 */
export abstract class AuthSecurityEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: SecurityEventType;

  @Index('IDX_auth_security_event_at')
  @Column()
  at!: Date;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  /** "Chrome 138 on Linux", from the User-Agent. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  device!: string | null;
}

export type AuthSecurityEventWithUser<TUser extends object> = AuthSecurityEvent & { user?: TUser };

/** The AuthSecurityEvent entity bound to the host's User entity (ON DELETE CASCADE), one class per User entity. */
export function authSecurityEventEntityFor<TUser extends object>(
  userEntity: Type<TUser>,
): Type<AuthSecurityEventWithUser<TUser>> {
  return userBoundEntity(AuthSecurityEvent, AUTH_SECURITY_EVENT_TABLE, userEntity);
}
