import type { Type } from '@nestjs/common';
import type { Clock } from '../time/clock.js';
import type { PasswordHasher } from '../users/password-hasher.js';
import type { UserStore } from '../users/user-store.js';

/** Turns the host's user entity into the JSON sent back with a login and by `GET /auth/me`. */
export type UserSerializer<TUser extends object = any> = (user: TUser) => unknown | Promise<unknown>;

/** Which properties of the host's User entity the library reads and writes. */
export interface AuthTokenUserFields {
  /** Property matched (case-insensitively) against the login name; may be an e-mail column. @default 'username' */
  username?: string;
  /** Property holding the password hash. @default 'password' */
  password?: string;
  /** Property holding the e-mail address; skipped when the entity has none. @default 'email' */
  email?: string | null;
  /** Boolean property that must be true for the user to log in; `null` or absent from the entity turns the check off. @default 'isActive' */
  isActive?: string | null;
  /** Boolean property marking a confirmed e-mail address; skipped when absent from the entity. @default 'emailConfirmed' */
  emailConfirmed?: string | null;
}

/** How tokens are made and how long they live. */
export interface AuthTokenTokenOptions {
  /** Seconds a token stays valid after it was issued. @default 86400 (24 h) */
  ttl?: number;
  /** Letters/digits put in front of every token (`nat_...`) so leaked tokens are easy to recognise. @default 'nat' */
  prefix?: string;
  /**
   * Server-side secret (at least 16 characters). When set, token digests are HMAC-SHA-256 keyed with it, so a
   * stolen database alone cannot even confirm a guessed token. Changing it invalidates every token.
   * @default undefined (plain SHA-256)
   */
  pepper?: string;
}

/** Parameters of the default scrypt password hasher (node:crypto). */
export interface ScryptParameters {
  /** CPU/memory cost N, a power of two. @default 131072 (2^17, OWASP's recommendation) */
  cost?: number;
  /** Block size r. @default 8 */
  blockSize?: number;
  /** Parallelization p. @default 1 */
  parallelization?: number;
}

/** Options of `AuthTokenModule.forRoot()` / the factory of `forRootAsync()`. */
export interface AuthTokenOptions {
  /** Property names of the host's User entity. @default see {@link AuthTokenUserFields} */
  userFields?: AuthTokenUserFields;
  /**
   * Replaces the default user store, e.g. to change how a login name is matched: an instance, or a class the
   * module instantiates with dependency injection (a subclass of TypeOrmUserStore gets its repository and fields).
   * @default TypeOrmUserStore
   */
  userStore?: UserStore | Type<UserStore>;
  /** Output of this function is returned as `user` with a login and by `GET /auth/me`. @default `{ id, username }` */
  userSerializer?: UserSerializer;
  /** Token lifetime, prefix and pepper. */
  tokens?: AuthTokenTokenOptions;
  /** Parameters of the default scrypt password hasher. Raising them rehashes each password at its next login. */
  scrypt?: ScryptParameters;
  /** Replaces the scrypt password hasher entirely (`scrypt` is then ignored). @default a ScryptPasswordHasher */
  passwordHasher?: PasswordHasher;
  /** Realm named in the `WWW-Authenticate` challenge of a 401. @default 'api' */
  realm?: string;
  /** Source of the current time (tests move it instead of sleeping). @default the system clock */
  clock?: Clock;
}

/** Options known when the module is defined (they shape it), accepted by both `forRoot` and `forRootAsync`. */
export interface AuthTokenModuleExtras {
  /** The host's TypeORM User entity; tokens reference its table (deleting a user deletes its tokens). Required. */
  userEntity?: Type<object>;
  /** Path the login/logout/me controllers are mounted at. @default 'auth' */
  routePrefix?: string;
  /** Register the module's providers globally. @default false */
  isGlobal?: boolean;
  /** Guard every route of the app with {@link AuthTokenGuard} (opt out with `@Public()`). @default false */
  globalGuard?: boolean;
}

/** {@link AuthTokenOptions} with defaults applied and validated; what `AUTH_TOKEN_OPTIONS` holds. */
export interface ResolvedAuthTokenOptions {
  userFields: AuthTokenUserFields & { username: string; password: string };
  userStore?: UserStore | Type<UserStore>;
  userSerializer?: UserSerializer;
  tokens: { ttl: number; prefix: string; pepper?: string };
  scrypt: Required<ScryptParameters>;
  passwordHasher?: PasswordHasher;
  realm: string;
  clock?: Clock;
}
