import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The demo's own users. The library never owns this table; it reaches it through `userEntity`. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Unique case-insensitively (an index on lower(username)). */
  @Column({ type: 'varchar', length: 150 })
  username!: string;

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
