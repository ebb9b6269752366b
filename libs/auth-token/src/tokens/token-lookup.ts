import type { DataSource, EntityMetadata, Repository } from 'typeorm';
import type { AuthTokenWithUser } from './auth-token.entity.js';

/** TypeORM's column metadata (its class is not exported from the package root). */
type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * The hot path's one query: a token and its owner by digest, through the digest's unique index. The SQL is
 * built once from the entities' metadata and sent as a prepared, parameterized statement, then hydrated with
 * TypeORM's own per-driver value conversion; this avoids building the query with the ORM on every request,
 * which costs about fifteen times as much. (TypeORM's query logging does not see this one statement.)
 */
export class TokenLookup<TUser extends object> {
  private readonly dataSource: DataSource;
  private readonly sql: string;
  private readonly tokenColumns: ColumnMetadata[];
  private readonly userColumns: ColumnMetadata[];
  private readonly userRepository: Repository<TUser>;
  private readonly run: (digest: string) => Promise<Record<string, unknown>[]>;

  constructor(private readonly tokens: Repository<AuthTokenWithUser<TUser>>) {
    this.dataSource = tokens.manager.connection;
    const { driver } = this.dataSource;
    const escape = (name: string) => driver.escape(name);
    const metadata = tokens.metadata;
    const relation = metadata.manyToOneRelations[0];
    const userMetadata = relation.inverseEntityMetadata;
    const [joinColumn] = relation.joinColumns;
    this.userRepository = this.dataSource.getRepository<TUser>(userMetadata.target);
    this.tokenColumns = metadata.columns.filter((column) => !column.relationMetadata && !column.isVirtual);
    this.userColumns = userMetadata.columns.filter((column) => !column.relationMetadata && !column.isVirtual);
    const select = [
      ...this.tokenColumns.map((column, i) => `t.${escape(column.databaseName)} AS ${escape(`t${i}`)}`),
      ...this.userColumns.map((column, i) => `u.${escape(column.databaseName)} AS ${escape(`u${i}`)}`),
    ];
    const digest = metadata.findColumnWithPropertyName('digest') as ColumnMetadata;
    const parameter = this.dataSource.options.type === 'postgres' ? '$1' : '?';
    this.sql =
      `SELECT ${select.join(', ')} FROM ${escape(metadata.tableName)} t ` +
      `INNER JOIN ${escape(userMetadata.tableName)} u ON u.${escape((joinColumn.referencedColumn as ColumnMetadata).databaseName)} = t.${escape(joinColumn.databaseName)} ` +
      `WHERE t.${escape(digest.databaseName)} = ${parameter}`;
    this.run = this.runner();
  }

  /**
   * On PostgreSQL, a named prepared statement on the driver's pool: parsed and planned once per connection
   * instead of on every request. Elsewhere, TypeORM's raw query (better-sqlite3 caches the statement).
   */
  private runner(): (digest: string) => Promise<Record<string, unknown>[]> {
    type Pool = { query(config: object): Promise<{ rows: Record<string, unknown>[] }> };
    const pool = (this.dataSource.driver as { master?: Partial<Pool> }).master;
    if (this.dataSource.options.type === 'postgres' && typeof pool?.query === 'function') {
      const statement = { name: 'auth-token-lookup', text: this.sql };
      return async (digest) => (await (pool as Pool).query({ ...statement, values: [digest] })).rows;
    }
    return (digest) => this.dataSource.query(this.sql, [digest]);
  }

  /** The token with this digest and its user (both real entity instances), or null. */
  async find(digest: string): Promise<(AuthTokenWithUser<TUser> & { user: TUser }) | null> {
    const rows = await this.run(digest);
    if (rows.length === 0) return null;
    const [row] = rows;
    const { driver } = this.dataSource;
    const token = this.tokens.create();
    this.tokenColumns.forEach((column, i) => column.setEntityValue(token, driver.prepareHydratedValue(row[`t${i}`], column)));
    const user = this.userRepository.create();
    this.userColumns.forEach((column, i) => column.setEntityValue(user, driver.prepareHydratedValue(row[`u${i}`], column)));
    return Object.assign(token, { user });
  }
}
