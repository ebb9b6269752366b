/** The primary key of a host user: a number or a string such as a uuid. */
export type UserId = string | number;

/** What registration hands to {@link UserStore.create}. */
export interface NewUserInput {
  username: string;
  passwordHash: string;
  email?: string | null;
  emailConfirmed?: boolean;
}

/** Thrown by {@link UserStore.create} when the database refuses a duplicate login name. */
export class UserAlreadyExistsError extends Error {
  constructor() {
    super('A user with that username already exists.');
    this.name = 'UserAlreadyExistsError';
  }
}

/**
 * How the library reads and updates the host's users. The default is {@link TypeOrmUserStore} over the
 * `userEntity`; extend it (or implement this class) and pass it as the `userStore` option to change, for
 * example, how a login name is matched.
 */
export abstract class UserStore<TUser extends object = object> {
  /** The user whose login name matches `login` (case-insensitively by default), or null. */
  abstract findByLogin(login: string): Promise<TUser | null>;
  /**
   * A user whose login name looks like `login` (the same UTS #39 confusable skeleton: `ɑdmin` and `admin`), or
   * null: registration refuses such a name as taken. The default finds none.
   */
  findLookAlike(_login: string): Promise<TUser | null> {
    return Promise.resolve(null);
  }
  /** The user with this primary key, or null. */
  abstract findById(id: UserId): Promise<TUser | null>;
  /** The user's primary key. */
  abstract getId(user: TUser): UserId;
  /** The user's login name. */
  abstract getLogin(user: TUser): string;
  /** The stored password hash, or null when the user has no usable password. */
  abstract getPasswordHash(user: TUser): string | null;
  /** Stores a new password hash for the user. */
  abstract setPasswordHash(user: TUser, hash: string): Promise<void>;
  /** Whether the user may log in and use tokens at all. */
  abstract isActive(user: TUser): boolean;
  /** The users whose e-mail address matches `email`, ignoring case (several accounts may share one). */
  abstract findByEmail(email: string): Promise<TUser[]>;
  /** The user's e-mail address, or null. */
  abstract getEmail(user: TUser): string | null;
  /** Whether the user's e-mail address is confirmed (true when the entity has no such flag). */
  abstract isEmailConfirmed(user: TUser): boolean;
  /** Marks the user's e-mail address confirmed or not. */
  abstract setEmailConfirmed(user: TUser, confirmed: boolean): Promise<void>;
  /** Creates a user; rejects with {@link UserAlreadyExistsError} when the database refuses a duplicate. */
  abstract create(input: NewUserInput): Promise<TUser>;
  /** Whether the login name is the e-mail address (one column): registration then takes one value for both. */
  loginIsEmail(): boolean {
    return false;
  }
  /** Deletes a user (its tokens go with it). */
  abstract delete(user: TUser): Promise<void>;
}
