import { Injectable } from '@nestjs/common';
import {
  normalizeUsername,
  PasswordHasher,
  TokenService,
  UserAlreadyExistsError,
  usernameProblem,
  UserStore,
} from 'nestjs-auth-token';
import type { User } from './user.entity.js';

export interface NewUser {
  username: string;
  password: string;
  email?: string | null;
  emailConfirmed?: boolean;
}

/** The demo's user administration, used by its command line (no password policy: the admin decides). */
@Injectable()
export class UsersService {
  constructor(
    private readonly store: UserStore<User>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService<User>,
  ) {}

  /** Creates a user with a hashed password; throws if the name is malformed or taken (case-insensitively). */
  async create({ username, password, email = null, emailConfirmed = false }: NewUser): Promise<User> {
    const name = normalizeUsername(username);
    const problem = usernameProblem(name);
    if (problem) throw new Error(`Username "${username}" is not valid: ${problem}`);
    if (!password) throw new Error('The password must not be empty.');
    const taken = () => new Error(`A user with the username "${name}" already exists.`);
    if (await this.store.findByLogin(name)) throw taken();
    try {
      return await this.store.create({
        username: name,
        passwordHash: await this.hasher.hash(password),
        email,
        emailConfirmed,
      });
    } catch (error) {
      throw error instanceof UserAlreadyExistsError ? taken() : error;
    }
  }

  /**
   * Deletes a user (its tokens go with it, and running servers drop them from their token caches); resolves to
   * false when there was no such user.
   */
  async delete(username: string): Promise<boolean> {
    const user = await this.store.findByLogin(username);
    if (!user) return false;
    await this.store.delete(user);
    await this.tokens.forgetUser(user);
    return true;
  }
}
