/** The parts of node-postgres used here (the library has no dependency on `pg`: TypeORM loaded it). */
interface PgClient {
  pipeline?: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
  connect(): Promise<unknown>;
  query(query: object): unknown;
  end(): Promise<void>;
  ref(): void;
  unref(): void;
  getTypeParser(oid: number, format: string): Parser;
  on(event: 'error' | 'end', listener: () => void): unknown;
}
interface PgQuery {
  name?: string;
  values?: unknown[];
  callback?: (error: Error | null, row?: Row) => void;
  _canceledDueToError?: unknown;
}
export interface PgModule {
  Client: new (config: object) => PgClient;
  Query: new (text: string) => PgQuery;
}
/** TypeORM's primary pool (pg-pool). */
export interface PgPool {
  options?: Record<string, unknown>;
  ending?: boolean;
  end(...args: unknown[]): unknown;
  listenerCount(event: string): number;
}
type Row = unknown[];
type Field = { dataTypeID: number; format?: string };
type Parser = (value: unknown) => unknown;
type ParsersFor = (fields: Field[]) => Parser[];
type LookupQueryClass = new (text: string, name: string, values: unknown[], parsers: ParsersFor) => PgQuery;

/** Connections per pool: two PostgreSQL backends, and a second way through when one connection stalls. */
const CLIENTS = 2;
/** Per pool: its lookup clients, or null where they cannot be used (a pg without pipeline mode). */
const byPool = new WeakMap<PgPool, LookupClients | null>();
const queryClasses = new WeakMap<PgModule, LookupQueryClass>();

/**
 * The lookup clients of TypeORM's primary pool, made on first use; undefined when the pool itself must run the
 * statement: it is ending (DataSource destroyed: fail as TypeORM fails), the pg TypeORM loaded has no pipeline
 * mode, or the pool sets its connections up (`connect` listeners, e.g. a `SET search_path`, or pg-pool's
 * `verify`), which the lookup's own connections would miss.
 */
export function lookupClients(pool: PgPool, pg: PgModule): LookupClients | undefined {
  if (pool.ending || pool.listenerCount('connect') > 0 || pool.options?.verify) return undefined;
  let clients = byPool.get(pool);
  if (clients === undefined) {
    clients = new pg.Client({ pipeline: true }).pipeline === true ? new LookupClients(pool, pg) : null;
    byPool.set(pool, clients);
  }
  return clients ?? undefined;
}

interface Slot {
  client?: PgClient;
  connecting?: Promise<PgClient>;
  inFlight: number;
  corked: boolean;
}

/**
 * Two connections of the lookup's own beside TypeORM's primary pool, with the pool's settings (so the primary),
 * in node-postgres' pipeline mode: a query goes out without waiting for the answers before it, and the queries
 * of one turn of the event loop leave in one socket write (the stream stays corked until `setImmediate`). On
 * the pool, every lookup paid a checkout, a copy of its query config, `Result.addFields` (a type parser looked up
 * for each of ~19 columns) and a socket write of its own; here the parsers are those the pool's clients would
 * use, looked up once per statement.
 *
 * Connections open on first use, and again after they dropped (server restarted, network error): a lookup that
 * finds none waits for one connect attempt and fails with its error, as the pool does. They keep the process
 * alive only while a query is in flight (as pg-pool's `allowExitOnIdle`), and close when the pool is ended.
 */
export class LookupClients {
  private readonly slots: Slot[] = Array.from({ length: CLIENTS }, () => ({ inFlight: 0, corked: false }));
  private readonly Query: LookupQueryClass;
  /** Per statement text: the type OIDs of its columns and their parsers. */
  private readonly parsers = new Map<string, { oids: number[]; parsers: Parser[] }>();
  private closed = false;

  constructor(
    private readonly pool: PgPool,
    private readonly pg: PgModule,
  ) {
    let Query = queryClasses.get(pg);
    if (!Query) queryClasses.set(pg, (Query = lookupQueryClass(pg.Query)));
    this.Query = Query;
    // pg-pool has no event for its end: DataSource.destroy() ends the pool, and these close with it.
    const end = pool.end.bind(pool);
    pool.end = (...args: unknown[]) => {
      this.close();
      return end(...args);
    };
  }

  /** The statement's first row, as an array, or undefined. */
  query(name: string, text: string, values: unknown[]): Promise<Row | undefined> {
    let slot = this.slots[0];
    for (const other of this.slots) if (other.inFlight < slot.inFlight) slot = other;
    if (slot.inFlight++ === 0) slot.client?.ref();
    const row = slot.client
      ? this.submit(slot, slot.client, name, text, values)
      : (slot.connecting ??= this.connect(slot)).then((client) => this.submit(slot, client, name, text, values));
    return row.finally(() => {
      if (--slot.inFlight === 0) slot.client?.unref();
    });
  }

  private submit(slot: Slot, client: PgClient, name: string, text: string, values: unknown[]) {
    return new Promise<Row | undefined>((resolve, reject) => {
      const query = new this.Query(text, name, values, (fields) => this.parsersFor(client, text, fields));
      query.callback = (error, row) => (error ? reject(error) : resolve(row));
      if (!slot.corked) {
        slot.corked = true;
        const { stream } = client.connection;
        stream.cork();
        setImmediate(() => {
          slot.corked = false;
          stream.uncork();
        });
      }
      client.query(query);
    });
  }

  private parsersFor(client: PgClient, text: string, fields: Field[]): Parser[] {
    const known = this.parsers.get(text);
    const same = known?.oids.length === fields.length && fields.every((field, i) => field.dataTypeID === known.oids[i]);
    if (known && same) return known.parsers;
    const parsers = fields.map((field) => client.getTypeParser(field.dataTypeID, field.format || 'text'));
    this.parsers.set(text, { oids: fields.map((field) => field.dataTypeID), parsers });
    return parsers;
  }

  private async connect(slot: Slot): Promise<PgClient> {
    const client = new this.pg.Client({ ...this.pool.options, pipeline: true });
    const lost = () => {
      if (slot.client === client) slot.client = undefined;
      client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
    } catch (error) {
      lost();
      throw error;
    } finally {
      slot.connecting = undefined;
    }
    if (this.closed) {
      lost();
      throw new Error('Connection terminated: the pool has ended');
    }
    slot.client = client;
    return client;
  }

  private close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.client?.end().catch(() => undefined);
      slot.client = undefined;
    }
  }
}

/** node-postgres' Query (its subclass, so that pipeline mode takes it), keeping the first row only. */
function lookupQueryClass(Base: PgModule['Query']): LookupQueryClass {
  return class LookupQuery extends Base {
    private columnParsers: Parser[] = [];
    private row?: Row;

    constructor(
      text: string,
      name: string,
      values: unknown[],
      private readonly parsers: ParsersFor,
    ) {
      super(text);
      this.name = name;
      this.values = values;
    }

    handleRowDescription(message: { fields: Field[] }): void {
      this.columnParsers = this.parsers(message.fields);
    }

    handleDataRow(message: { fields: unknown[] }): void {
      if (this.row || this._canceledDueToError) return;
      try {
        this.row = message.fields.map((value, i) => (value === null ? null : this.columnParsers[i](value)));
      } catch (error) {
        this._canceledDueToError = error;
      }
    }

    handleCommandComplete(): void {}

    handleReadyForQuery(): void {
      if (this._canceledDueToError) this.callback?.(this._canceledDueToError as Error);
      else this.callback?.(null, this.row);
    }
  };
}
