import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The demo's own users. The library never owns this table; it reaches it through `userEntity`. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** As typed at registration (NFKC). */
  @Column({ type: 'varchar', length: 150 })
  username!: string;

  /**
   * `canonicalUsername(username)`, filled by the library: logins match it, and its unique index makes
   * `JOHN`, `ｊｏｈｎ` and `john` (or `Émile` and `émile`) one name.
   */
  @Index('IDX_users_canonical_username', { unique: true })
  @Column({ type: 'varchar', length: 600, nullable: true })
  canonicalUsername!: string | null;

  /**
   * `usernameSkeleton(username)`, filled by the library: its unique index refuses a name that looks like
   * another (`ɑdmin` beside `admin`), also when both register at once.
   */
  @Index('IDX_users_username_skeleton', { unique: true })
  @Column({ type: 'varchar', length: 600, nullable: true })
  usernameSkeleton!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** scrypt hash in PHC format, never the password. */
  @Column({ type: 'varchar', length: 255 })
  password!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'boolean', default: false })
  emailConfirmed!: boolean;
}
