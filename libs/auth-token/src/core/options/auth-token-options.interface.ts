import type { ConfigurableModuleAsyncOptions, Type } from '@nestjs/common';
import type { Mailer } from '../mail/mailer.js';
import type { MailContext, MailTemplate } from '../mail/mail-templates.js';
import type { Clock } from '../time/clock.js';
import type { PasswordHasher } from '../hashing/password-hasher.js';
import type { UserStore } from '../users/user-store.js';

/**
 * Turns the host's user entity into the JSON sent back with a login and by `GET /auth/me`. Its parameter is
 * checked both ways (a method's), so that a serializer typed by the host's own User entity fits where the entity
 * is not known.
 */
export type UserSerializer<TUser extends object = object> = { serialize(user: TUser): unknown }['serialize'];

/**
 * A property name of the host's User entity. With the entity known (`forRoot({ userEntity: User, ... })`) only
 * its own property names compile; without it, any string.
 */
export type UserProperty<TUser extends object = object> = [Extract<keyof TUser, string>] extends [never]
  ? string
  : Extract<keyof TUser, string>;

/** Which properties of the host's User entity the library reads and writes. */
export interface AuthTokenUserFields<TUser extends object = object> {
  /** Property matched (case-insensitively) against the login name; may be an e-mail column. @default 'username' */
  username?: UserProperty<TUser>;
  /**
   * Property holding the canonical form of the login name ({@link canonicalUsername}: NFKC and full case
   * folding), with a unique index: logins match it, and the index keeps look-alike names from both registering.
   * Skipped when the entity has none; logins then match `LOWER(username)`, which on SQLite folds ASCII only.
   * @default 'canonicalUsername'
   */
  canonicalUsername?: UserProperty<TUser> | null;
  /**
   * Property holding the UTS #39 confusable skeleton of the login name ({@link usernameSkeleton}), with a unique
   * index: registration refuses a name that looks like an existing one (`ɑdmin` beside `admin`), and the index
   * decides races. Without it, registration still refuses look-alikes by reading every name, but not race-safely.
   * `null` turns it off. @default 'usernameSkeleton'
   */
  usernameSkeleton?: UserProperty<TUser> | null;
  /** Property holding the password hash. @default 'password' */
  password?: UserProperty<TUser>;
  /** Property holding the e-mail address; skipped when the entity has none. @default 'email' */
  email?: UserProperty<TUser> | null;
  /** Boolean property that must be true for the user to log in; `null` or absent from the entity turns the check off. @default 'isActive' */
  isActive?: UserProperty<TUser> | null;
  /** Boolean property marking a confirmed e-mail address; skipped when absent from the entity. @default 'emailConfirmed' */
  emailConfirmed?: UserProperty<TUser> | null;
}

/** How tokens are made and how long they live. */
export interface AuthTokenTokenOptions {
  /** Seconds a token stays valid after its last use (sliding expiry). @default 86400 (24 h) */
  ttl?: number;
  /** Seconds after login when a token dies however active it is (the absolute cap). @default 2592000 (30 days) */
  maxTtl?: number;
  /**
   * Seconds between two writes of a token's `lastUsedAt`/`expiresAt`: busy clients do not turn every read into a
   * write. A token's expiry may therefore lag its real last use by up to this much.
   * @default 60, or a tenth of `ttl` when that is shorter
   */
  touchInterval?: number;
  /** Most live tokens per user; a new login beyond it revokes the least recently used one. @default 50 */
  maxPerUser?: number;
  /**
   * Seconds an authenticated token is kept in this process's memory, skipping the database. Every revocation the
   * library makes drops its entries at once: in this process, and on PostgreSQL in every instance (NOTIFY/LISTEN;
   * while an instance's listener is down, its cache is suspended). What the library does not see (a user
   * deactivated or deleted by the host's own code or by hand in SQL) is seen after at most this long, unless the
   * host calls `TokenService.forgetUser`. On SQLite, other processes on the same file are not told.
   * @default 0 (off)
   */
  cacheTtl?: number;
  /** Most tokens kept in that cache. @default 10000 */
  cacheSize?: number;
  /**
   * PostgreSQL with the cache on: how the instance's one listening connection (outside the pool) reaches the
   * server, as a connection string or node-postgres client settings. Needed behind PgBouncer in transaction
   * mode, where LISTEN does not work: point it at the server itself. @default the DataSource's own settings
   */
  cacheListenerConnection?: string | Record<string, unknown>;
  /** Keep the client's IP address with each login token, shown in the sessions list. @default true */
  recordIp?: boolean;
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
  /** Most computations at once; more wait, so that logins never take every core from other requests. @default CPUs - 1 (at least 1) */
  maxConcurrency?: number;
  /**
   * Most computations waiting for their turn. Past it a login, registration or password change answers 503
   * with `Retry-After` at once, instead of queueing without end while a flood eats the memory. @default 64
   */
  maxQueue?: number;
}

/** Mails sent with links (confirmation, password reset). */
export interface AuthTokenMailOptions {
  /** Sender address. @default the mailer's default (e.g. MailerModule's `defaults.from`) */
  from?: string;
  /** Subject of the default (English) template. */
  subject?: string;
  /** Templates by locale, e.g. `{ en: {...}, de: {...} }`; the request's Accept-Language picks one. @default English */
  templates?: Record<string, Partial<MailTemplate>>;
  /** Locale used when none of the accepted languages has a template. @default 'en' */
  defaultLocale?: string;
}

/** The scrypt parameters stored in each hash (everything but the concurrency limit), all set. */
export type ScryptCostParameters = Required<Omit<ScryptParameters, 'maxConcurrency' | 'maxQueue'>>;

/** Options of `AuthTokenModule.forRoot()` / the factory of `forRootAsync()`; `TUser` is the host's User entity. */
export interface AuthTokenOptions<TUser extends object = object> {
  /** Property names of the host's User entity. @default see {@link AuthTokenUserFields} */
  userFields?: AuthTokenUserFields<TUser>;
  /**
   * Replaces the default user store, e.g. to change how a login name is matched: an instance, or a class the
   * module instantiates with dependency injection (a subclass of TypeOrmUserStore gets its repository and fields).
   * @default TypeOrmUserStore
   */
  userStore?: UserStore | Type<UserStore>;
  /** Output of this function is returned as `user` with a login and by `GET /auth/me`. @default `{ id, username }` */
  userSerializer?: UserSerializer<TUser>;
  /**
   * A server-side secret (at least 32 characters, or a Buffer of 32 bytes or more; keep it out of the database and
   * its backups) that keys the names of the throttle counters stored in `auth_throttle`, so a copy of that table
   * does not reveal which addresses and accounts were counted. Changing it restarts every counter.
   * @default derived from `tokens.pepper`, else from `mfa.encryptionKey`; with none of them, plain SHA-256 and a
   * warning at start-up
   */
  secret?: string | Buffer;
  /** Token lifetime, prefix and pepper. */
  tokens?: AuthTokenTokenOptions;
  /**
   * The scopes an API token may be given, by name, with a description (for OpenAPI and the page). A scope
   * not declared here can never be granted. Login tokens carry every scope.
   * @example { 'orders:read': 'Read orders', 'orders:write': 'Create and change orders' }
   * @default {} (API tokens can then only reach routes that need no scope)
   */
  scopes?: Record<string, string>;
  /** Parameters of the default scrypt password hasher. Raising them rehashes each password at its next login. */
  scrypt?: ScryptParameters;
  /** Replaces the scrypt password hasher entirely (`scrypt` is then ignored). @default a ScryptPasswordHasher */
  passwordHasher?: PasswordHasher;
  /** Realm named in the `WWW-Authenticate` challenge of a 401. @default 'api' */
  realm?: string;
  /** Source of the current time (tests move it instead of sleeping). @default the system clock */
  clock?: Clock;
  /** Sends the mails: an instance or a class built by DI. @default MailerService of @nestjs-modules/mailer if registered, else LogMailer */
  mailer?: Mailer | Type<Mailer>;
  /**
   * Seconds to wait before each new try of a mail that failed (reset and resend links, which are sent after
   * the answer); one try more than there are entries. @default [2, 10]
   */
  mailRetryDelays?: number[];
  /**
   * Origins besides the server's own (e.g. `https://app.example`, as in the host's CORS settings) whose pages
   * may send POST, PUT, PATCH and DELETE requests to the library's routes. Such a request with any other `Origin`
   * header is refused with 403 before any work; requests without `Origin` (scripts, apps) are not affected.
   * @default [] (the server's own origin only)
   */
  trustedOrigins?: string[];
}

/** Options known when the module is defined (they shape it), accepted by both `forRoot` and `forRootAsync`. */
export interface AuthTokenModuleExtras<TUser extends object = object> {
  /** The host's TypeORM User entity; tokens reference its table (deleting a user deletes its tokens). Required. */
  userEntity?: Type<TUser>;
  /** Path the login/logout/me controllers are mounted at. @default 'auth' */
  routePrefix?: string;
  /** Register the module's providers globally. @default false */
  isGlobal?: boolean;
  /** Guard every route of the app with {@link AuthTokenGuard} (opt out with `@Public()`). @default false */
  globalGuard?: boolean;
}

/** `T` with every property set, except the `Optional` ones, which may stay unset. */
export type WithDefaults<T, Optional extends keyof T = never> = Required<Omit<T, Optional>> & Pick<T, Optional>;

/** The part of a mail group that is not about the mail itself (templates, sender, locale). */
export type MailGroup<T extends AuthTokenMailOptions> = Omit<T, keyof AuthTokenMailOptions>;

/**
 * {@link AuthTokenOptions} with defaults applied and validated; what `AUTH_TOKEN_OPTIONS` holds. Derived from
 * the options type: every group with defaults is the same group with its properties set. Only what the
 * resolver transforms is spelled out: the mail templates (merged over the defaults), the MFA key (decoded to
 * bytes) and the route prefix (a module extra). Features add their groups to both interfaces, each in its own
 * `*.options.ts` file.
 */
export interface ResolvedAuthTokenOptions extends Pick<
  AuthTokenOptions,
  'userStore' | 'userSerializer' | 'passwordHasher' | 'clock' | 'mailer' | 'secret'
> {
  userFields: AuthTokenUserFields & Required<Pick<AuthTokenUserFields, 'username' | 'password'>>;
  tokens: WithDefaults<AuthTokenTokenOptions, 'pepper' | 'cacheListenerConnection'>;
  scopes: NonNullable<AuthTokenOptions['scopes']>;
  scrypt: WithDefaults<ScryptParameters, 'maxConcurrency'>;
  realm: NonNullable<AuthTokenOptions['realm']>;
  routePrefix: NonNullable<AuthTokenModuleExtras['routePrefix']>;
  mailRetryDelays: NonNullable<AuthTokenOptions['mailRetryDelays']>;
  /** As `scheme://host[:port]`, the form a browser's `Origin` header has. */
  trustedOrigins: string[];
  /** What the features, as configured, need of the User entity (checked at start-up against its columns). */
  userFieldRules: UserFieldRule[];
}

/**
 * What a feature needs of the User entity: `property` holds `field` (set by the feature's option named `option`),
 * or the field must be a column, `requiredWhen` saying why ("emailConfirm.enabled is true").
 */
export interface UserFieldRule {
  field: keyof AuthTokenUserFields | 'emailConfirmed';
  property?: string;
  option?: string;
  requiredWhen?: string;
}

/** Mail options with the templates merged over the defaults. */
export interface ResolvedMailOptions<C extends object = MailContext> {
  from?: string;
  templates: Record<string, MailTemplate<C>>;
  defaultLocale: string;
}

/** What `AuthTokenModule.forRoot()` takes: the options and the extras, `userEntity` required. */
export type AuthTokenModuleOptions<TUser extends object> = AuthTokenOptions<NoInfer<TUser>> &
  Omit<AuthTokenModuleExtras<TUser>, 'userEntity'> & { userEntity: Type<TUser> };

/** What `AuthTokenModule.forRootAsync()` takes: the extras at the top level, the options from a factory. */
export type AuthTokenModuleAsyncOptions<TUser extends object> = ConfigurableModuleAsyncOptions<
  AuthTokenOptions<NoInfer<TUser>>
> &
  Omit<AuthTokenModuleExtras<TUser>, 'userEntity'> & { userEntity: Type<TUser> };
