import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PasswordHasher, UserStore } from 'nestjs-auth-token';
import type { Repository } from 'typeorm';
import { User } from './user.entity.js';

export interface NewUser {
  username: string;
  password: string;
  email?: string | null;
  emailConfirmed?: boolean;
}

/** Username rule shared with registration: 1-150 letters, digits and @.+-_ (as in Django). */
export const USERNAME_PATTERN = /^[\p{L}\p{N}@.+\-_]{1,150}$/u;

/** The demo's user management, used by its command line. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly store: UserStore<User>,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates a user with a hashed password; throws if the name is taken (case-insensitively) or malformed. */
  async create({ username, password, email = null, emailConfirmed = false }: NewUser): Promise<User> {
    const name = username.normalize('NFKC');
    if (!USERNAME_PATTERN.test(name)) {
      throw new Error(`Username "${username}" is not valid: use 1-150 letters, digits and @.+-_ only.`);
    }
    if (!password) throw new Error('The password must not be empty.');
    if (await this.store.findByLogin(name)) throw new Error(`A user with the username "${name}" already exists.`);
    const user = this.users.create({ username: name, email, emailConfirmed, isActive: true, password: await this.hasher.hash(password) });
    return this.users.save(user);
  }

  /** Deletes a user (its tokens go with it); resolves to false when there was no such user. */
  async delete(username: string): Promise<boolean> {
    const user = await this.store.findByLogin(username);
    if (!user) return false;
    await this.users.delete(user.id);
    return true;
  }
}
