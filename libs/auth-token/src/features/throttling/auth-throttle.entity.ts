import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** Name of the table holding the throttling counters. */
export const AUTH_THROTTLE_TABLE = 'auth_throttle';

/** PostgreSQL returns bigint as a string. */
const epochMs: ValueTransformer = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/**
 * One throttling counter: hits within a fixed window ending at `resetAt` (epoch milliseconds). Kept in the
 * database so that every instance of the app shares it. Keys are hashes, never a username or address.
 */
@Entity(AUTH_THROTTLE_TABLE)
export class AuthThrottle {
  /** `<scope>:<HMAC-SHA-256 of the identity under the server secret>`, e.g. `login-account:3f…`. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  resetAt!: number;
}
