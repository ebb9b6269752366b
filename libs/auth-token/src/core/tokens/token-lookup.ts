import type { Database, Statement } from 'better-sqlite3';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import {
  QueryFailedError,
  type DataSource,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import type { AuthenticatedToken, AuthToken, AuthTokenWithUser } from './auth-token.entity.js';
import { andThen, type MaybePromise } from './maybe-promise.js';
import { readSqliteDatetime } from './sqlite-datetime.js';
import { lookupClients, type PgModule, type PgPool } from './pg-lookup-clients.js';

/** TypeORM's column metadata (its class is not exported from the package root). */
type ColumnMetadata = EntityMetadata['columns'][number];

/** The selected columns in order: the token's, then the user's (or the user's key). */
type Row = unknown[];

/**
 * The hot path's lookup: a token and its owner by digest, through the digest's unique index. The SQL is built
 * once from the entities' metadata and sent as a prepared, parameterized statement, then hydrated with the
 * steps TypeORM's own hydrator takes for a plain entity (`metadata.create`, then each column's conversion, chosen
 * once: see {@link columnReaders}); this avoids building the query with the ORM on every request, which costs
 * about fifteen times as much.
 * (TypeORM's query logging and its beforeQuery/afterQuery subscribers do not see this statement.)
 *
 * That shortcut must return what the host's repository returns. When the user entity has something the
 * statement cannot reproduce (eager relations, `@AfterLoad` listeners, subscribers with `afterLoad`...: see
 * {@link TokenLookup.repositoryLoadReasons}), the statement reads the token alone and the user is loaded with
 * the host's repository (`find` by the token's user key), which applies everything TypeORM applies.
 */
export class TokenLookup<TUser extends object> {
  private readonly dataSource: DataSource;
  private readonly userMetadata: EntityMetadata;
  private readonly userRepository: Repository<TUser>;
  private readonly tokenMetadata: EntityMetadata;
  private readonly tokenColumns: ColumnMetadata[];
  private readonly userColumns: ColumnMetadata[];
  private readonly tokenReaders: ColumnReader[];
  private readonly userReaders: ColumnReader[];
  /** The user's column the token's `userId` refers to (its primary key). */
  private readonly userKey: ColumnMetadata;
  /** Why the entity itself needs the repository; decided once. */
  private readonly entityReasons: string[];
  /** Token and user columns in one row, for the statement path. */
  private readonly joined: (digest: string) => MaybePromise<Row | undefined>;
  /** Token columns and the raw user key, for the repository path. */
  private readonly tokenOnly: (digest: string) => MaybePromise<Row | undefined>;
  /** The subscriber list last checked, its length then, and whether one of them listened to the user's loads. */
  private checkedSubscribers?: { list: readonly unknown[]; length: number; listening: boolean };

  constructor(private readonly tokens: Repository<AuthTokenWithUser<TUser>>) {
    this.dataSource = tokens.manager.connection;
    const { driver } = this.dataSource;
    const escape = (name: string) => driver.escape(name);
    const metadata = tokens.metadata;
    this.tokenMetadata = metadata;
    const relation = metadata.manyToOneRelations[0];
    this.userMetadata = relation.inverseEntityMetadata;
    const [joinColumn] = relation.joinColumns;
    this.userKey = joinColumn.referencedColumn as ColumnMetadata;
    this.userRepository = this.dataSource.getRepository<TUser>(this.userMetadata.target);
    this.entityReasons = entityLoadReasons(this.userMetadata, this.dataSource);
    // The columns TypeORM hydrates: no relation-id virtual columns, none marked `select: false`.
    this.tokenColumns = hydratedColumns(metadata);
    this.userColumns = hydratedColumns(this.userMetadata);
    this.tokenReaders = columnReaders(this.tokenColumns, this.dataSource);
    this.userReaders = columnReaders(this.userColumns, this.dataSource);

    // Aliased, so that a column name both tables share cannot be lost (only the fallback below reads rows as objects).
    const tokenSelect = this.tokenColumns.map((column, i) => `t.${escape(column.databaseName)} AS ${escape(`t${i}`)}`);
    const userSelect = this.userColumns.map((column, i) => `u.${escape(column.databaseName)} AS ${escape(`u${i}`)}`);
    const digest = metadata.findColumnWithPropertyName('digest') as ColumnMetadata;
    const parameter = this.dataSource.options.type === 'postgres' ? '$1' : '?';
    const where = `WHERE t.${escape(digest.databaseName)} = ${parameter}`;
    // As the repository, which leaves soft-deleted users out.
    const { deleteDateColumn } = this.userMetadata;
    const notDeleted = deleteDateColumn ? ` AND u.${escape(deleteDateColumn.databaseName)} IS NULL` : '';
    this.joined = this.runner(
      'auth-token-lookup',
      `SELECT ${[...tokenSelect, ...userSelect].join(', ')} FROM ${escape(metadata.tableName)} t ` +
        `INNER JOIN ${escape(this.userMetadata.tableName)} u ON u.${escape(this.userKey.databaseName)} = t.${escape(joinColumn.databaseName)} ` +
        `${where}${notDeleted}`,
    );
    this.tokenOnly = this.runner(
      'auth-token-lookup-token',
      `SELECT ${[...tokenSelect, `t.${escape(joinColumn.databaseName)} AS ${escape('uk')}`].join(', ')} FROM ${escape(metadata.tableName)} t ${where}`,
    );
  }

  /**
   * Why users are loaded through the repository rather than by the statement; empty when the statement is used.
   * Everything but subscribers is decided once; subscribers are checked again whenever `dataSource.subscribers`
   * changes, because a Nest provider may push itself onto it in its constructor (as Nest's documentation shows)
   * after this lookup was made.
   */
  repositoryLoadReasons(): string[] {
    return this.subscribersListen() ? [...this.entityReasons, 'entity subscribers with afterLoad'] : this.entityReasons;
  }

  /**
   * The statement as a function of the digest, resolving to its first row as an array (or undefined).
   * PostgreSQL: a named prepared statement, parsed and planned once per connection, on the lookup's own
   * pipelined connections to the primary ({@link lookupClients}), or else on TypeORM's primary pool; with no
   * pool (DataSource destroyed or not initialized) through TypeORM, which fails as for any other query.
   * better-sqlite3: a statement prepared once on the open handle (again when the DataSource was re-initialized
   * with a new one), run synchronously and answered as a value, not a promise: TypeORM's raw query costs a query
   * runner, a logger call and two subscriber broadcasts per request. Its errors are thrown as TypeORM wraps them
   * (QueryFailedError); without an open handle (DataSource destroyed or not initialized) the query goes through
   * TypeORM, which fails as it fails for any other query.
   */
  private runner(name: string, text: string): (digest: string) => MaybePromise<Row | undefined> {
    const { driver, options } = this.dataSource;
    const viaTypeOrm = async (digest: string): Promise<Row | undefined> => {
      const [row] = await this.dataSource.query<Record<string, unknown>[]>(text, [digest]);
      return row && Object.values(row);
    };
    if (options.type === 'postgres') {
      type Pool = PgPool & { query(config: object): Promise<{ rows: Row[] }> };
      const postgres = (driver as PostgresDriver).postgres as PgModule;
      const statement = { name, text, rowMode: 'array' };
      return (digest) => {
        const pool = (driver as PostgresDriver).master as Pool | undefined;
        if (!pool) return viaTypeOrm(digest);
        const clients = lookupClients(pool, postgres);
        if (clients) return clients.query(name, text, [digest]);
        return pool.query({ ...statement, values: [digest] }).then((result) => result.rows[0]);
      };
    }
    if (options.type !== 'better-sqlite3') return viaTypeOrm;
    let prepared: { handle: Database; statement: Statement<[string], Row> } | undefined;
    return (digest) => {
      const handle = (driver as { databaseConnection?: Database }).databaseConnection;
      if (!handle?.open) return viaTypeOrm(digest);
      try {
        if (prepared?.handle !== handle)
          prepared = { handle, statement: handle.prepare<[string], Row>(text).raw(true) };
        return prepared.statement.get(digest);
      } catch (error) {
        throw new QueryFailedError(text, [digest], error as Error);
      }
    };
  }

  /**
   * The token with this digest and its user (both real entity instances, the user as the repository returns it),
   * or null; a value rather than a promise when the statement ran synchronously (better-sqlite3).
   */
  find(digest: string): MaybePromise<AuthenticatedToken<TUser> | null> {
    if (this.entityReasons.length > 0 || this.subscribersListen())
      return andThen(this.tokenOnly(digest), (row) => (row ? this.withRepositoryUser(row) : null));
    return andThen(this.joined(digest), (row) =>
      row
        ? {
            token: this.hydrate(this.tokenMetadata, this.tokenReaders, row, 0) as AuthToken,
            user: this.hydrate(this.userMetadata, this.userReaders, row, this.tokenColumns.length) as TUser,
          }
        : null,
    );
  }

  /** The token of a `tokenOnly` row, with its user loaded through the host's repository. */
  private async withRepositoryUser(row: Row): Promise<AuthenticatedToken<TUser> | null> {
    const token = this.hydrate(this.tokenMetadata, this.tokenReaders, row, 0) as AuthToken;
    // The key as the entity holds it (a transformer's `from` applied), since `where` applies its `to`.
    const key: unknown = this.dataSource.driver.prepareHydratedValue(row[this.tokenColumns.length], this.userKey);
    const where = this.userKey.createValueMap(key) as FindOptionsWhere<TUser>;
    // `find` by the primary key, not `findOne`: the same entity, but `findOne`'s `take: 1` with eager joins
    // costs TypeORM a second query (distinct ids first), which doubles the time of this path.
    const [user] = await this.userRepository.find({ where });
    return user ? { token, user } : null; // no user: soft-deleted, or deleted since the token was read
  }

  /** As TypeORM's RawSqlResultsToEntityTransformer makes an entity (honours `entitySkipConstructor`), from `row[from...]`. */
  private hydrate(metadata: EntityMetadata, readers: ColumnReader[], row: Row, from: number): object {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as Record<string, unknown>;
    for (let i = 0; i < readers.length; i += 1) readers[i](entity, row[from + i]);
    return entity;
  }

  /** Whether a subscriber's `afterLoad` would run for the user entity, as TypeORM's Broadcaster picks them. */
  private subscribersListen(): boolean {
    const list = this.dataSource.subscribers;
    const checked = this.checkedSubscribers;
    if (checked && checked.list === list && checked.length === list.length) return checked.listening;
    const target = this.userMetadata.target;
    const listening = list.some(
      (subscriber) => typeof subscriber.afterLoad === 'function' && listensTo(subscriber, target),
    );
    this.checkedSubscribers = { list, length: list.length, listening };
    return listening;
  }
}

/** Sets one selected column's raw value on an entity, converted as TypeORM converts it. */
type ColumnReader = (entity: Record<string, unknown>, raw: unknown) => void;

/**
 * A reader per column, chosen once: TypeORM's steps (`driver.prepareHydratedValue`, which also applies
 * transformers, then `column.setEntityValue`, which also fills embedded columns), with two shortcuts to the same
 * result: a column outside embeddeds is set directly, and a better-sqlite3 datetime in TypeORM's own format is
 * read by {@link readSqliteDatetime}.
 */
function columnReaders(columns: ColumnMetadata[], dataSource: DataSource): ColumnReader[] {
  const { driver } = dataSource;
  const sqlite = dataSource.options.type === 'better-sqlite3';
  return columns.map((column): ColumnReader => {
    const prepare = (raw: unknown): unknown => driver.prepareHydratedValue(raw, column);
    const datetime = sqlite && !column.transformer && (column.type === Date || column.type === 'datetime');
    const convert = datetime ? (raw: unknown) => readSqliteDatetime(raw) ?? prepare(raw) : prepare;
    if (column.embeddedMetadata) return (entity, raw) => column.setEntityValue(entity, convert(raw));
    const { propertyName } = column;
    return (entity, raw) => {
      entity[propertyName] = convert(raw);
    };
  });
}

/** The columns TypeORM's hydrator fills on a full load: no relation-id virtual columns, none with `select: false`. */
function hydratedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((column) => !column.isVirtual && column.isSelect);
}

/** TypeORM's `Broadcaster.isAllowedSubscriber`: no `listenTo` (or `Object`) means every entity. */
function listensTo(subscriber: EntitySubscriberInterface<unknown>, target: EntityMetadata['target']): boolean {
  const listened: unknown = subscriber.listenTo?.();
  if (!listened || listened === Object || listened === target) return true;
  return (
    typeof listened === 'function' &&
    typeof target === 'function' &&
    Object.prototype.isPrototypeOf.call(listened, target)
  );
}

/**
 * What in a user entity makes a load through its repository differ from the plain statement, so that users
 * must be loaded through the repository; empty when the statement returns the same entity. Subscribers are
 * checked separately. Transformers (`prepareHydratedValue` applies them), embedded columns (`setEntityValue`
 * fills them), `select: false` columns (left out) and a delete-date column (soft-deleted users left out) are
 * handled by the statement.
 */
function entityLoadReasons(metadata: EntityMetadata, dataSource: DataSource): string[] {
  const { driver } = dataSource;
  const reasons: string[] = [];
  const names = (items: { propertyPath?: string; propertyName: string }[]) =>
    items.map((item) => item.propertyPath ?? item.propertyName).join(', ');
  if (metadata.eagerRelations.length > 0) reasons.push(`eager relations (${names(metadata.eagerRelations)})`);
  if (metadata.afterLoadListeners.length > 0) reasons.push('@AfterLoad listeners');
  if (metadata.relationIds.length > 0) reasons.push(`@RelationId properties (${names(metadata.relationIds)})`);
  if (
    metadata.discriminatorColumn ||
    metadata.childEntityMetadatas.length > 0 ||
    metadata.tableType === 'entity-child'
  ) {
    reasons.push('table inheritance');
  }
  // Columns TypeORM selects through an expression rather than the bare column.
  const wrap = (driver as { wrapWithJsonFunction?: (value: string, column: ColumnMetadata, jsonb?: boolean) => string })
    .wrapWithJsonFunction;
  const rewritten = hydratedColumns(metadata).filter(
    (column) =>
      column.isVirtualProperty ||
      driver.spatialTypes.includes(column.type) ||
      (typeof wrap === 'function' && wrap.call(driver, 'c', column, false) !== 'c'),
  );
  if (rewritten.length > 0) reasons.push(`columns selected through an expression (${names(rewritten)})`);
  return reasons;
}
