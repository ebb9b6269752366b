import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  AfterLoad,
  AfterInsert,
  ChildEntity,
  Column,
  DataSource,
  Entity,
  ManyToOne,
  PrimaryGeneratedColumn,
  QueryFailedError,
  RelationId,
  TableInheritance,
  VirtualColumn,
  type EntitySubscriberInterface,
} from 'typeorm';
import { isOutage } from '../errors/outage.js';
import { authTokenEntityFor, type AuthenticatedToken, type AuthToken } from './auth-token.entity.js';
import { lookupClients, type PgModule, type PgPool } from './pg-lookup-clients.js';
import { TokenLookup } from './token-lookup.js';

@Entity('lookup_spec_teams')
class Team {
  @PrimaryGeneratedColumn() id!: number;
}

class Settings {
  @Column({ type: 'varchar', nullable: true }) theme!: string | null;

  @AfterLoad() touched(): void {}
}

@Entity('lookup_spec_plain')
class PlainUser {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', transformer: { to: (v: string) => v, from: (v: string) => v } }) username!: string;
  @Column({ type: 'varchar', select: false, nullable: true }) secret!: string | null;
  @ManyToOne(() => Team) team!: Team;
  @AfterInsert() inserted(): void {}
}

@Entity('lookup_spec_eager')
class EagerUser {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Team, { eager: true }) team!: Team;
}

@Entity('lookup_spec_listener')
class ListenerUser {
  @PrimaryGeneratedColumn() id!: number;
  @AfterLoad() loaded(): void {}
}

@Entity('lookup_spec_embedded_listener')
class EmbeddedListenerUser {
  @PrimaryGeneratedColumn() id!: number;
  @Column(() => Settings) settings!: Settings;
}

@Entity('lookup_spec_relation_id')
class RelationIdUser {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Team) team!: Team;
  @RelationId((user: RelationIdUser) => user.team) teamId!: number;
}

@Entity('lookup_spec_virtual')
class VirtualUser {
  @PrimaryGeneratedColumn() id!: number;
  @VirtualColumn({ query: (alias) => `SELECT 1 FROM lookup_spec_teams WHERE ${alias}.id = 0` }) computed!: number;
}

@Entity('lookup_spec_jsonb')
class JsonbUser {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'jsonb', nullable: true }) preferences!: object | null;
}

@Entity('lookup_spec_people')
@TableInheritance({ column: { type: 'varchar', name: 'kind' } })
class Person {
  @PrimaryGeneratedColumn() id!: number;
}

@ChildEntity()
class Employee extends Person {}

const USERS = [
  PlainUser,
  EagerUser,
  ListenerUser,
  EmbeddedListenerUser,
  RelationIdUser,
  VirtualUser,
  JsonbUser,
  Person,
  Employee,
];

const anyEntity = { afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const plainOnly = { listenTo: () => PlainUser, afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const teamOnly = { listenTo: () => Team, afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const plainWithoutAfterLoad = {
  listenTo: () => PlainUser,
  afterInsert: () => undefined,
} satisfies EntitySubscriberInterface;

/**
 * `lookup.find` as a promise of the repository's shape (the token with its `user`), whether the lookup answered
 * at once (better-sqlite3), threw, or answered with a promise.
 */
async function findWithUser<TUser extends object>(
  lookup: TokenLookup<TUser>,
  digest: string,
): Promise<(AuthToken & { user: TUser }) | null> {
  const found = await lookup.find(digest);
  return found && Object.assign(found.token, { user: found.user });
}

describe('TokenLookup: the statement or the repository', () => {
  let dataSource: DataSource;
  const lookupFor = (user: new () => object) => new TokenLookup(dataSource.getRepository(authTokenEntityFor(user)));

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Team, ...USERS, ...USERS.map((user) => authTokenEntityFor(user))],
    });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());
  afterEach(() => dataSource.subscribers.splice(0));

  it('keeps the statement for transformers, select:false columns, lazy relations and other listeners', () => {
    expect(lookupFor(PlainUser).repositoryLoadReasons()).toEqual([]);
  });

  it.each([
    { user: EagerUser, reason: 'eager relations (team)' },
    { user: ListenerUser, reason: '@AfterLoad listeners' },
    { user: EmbeddedListenerUser, reason: '@AfterLoad listeners' },
    { user: RelationIdUser, reason: '@RelationId properties (teamId)' },
    { user: VirtualUser, reason: 'columns selected through an expression (computed)' },
    { user: JsonbUser, reason: 'columns selected through an expression (preferences)' },
    { user: Person, reason: 'table inheritance' },
    { user: Employee, reason: 'table inheritance' },
  ])('uses the repository for $user.name: $reason', ({ user, reason }) => {
    expect(lookupFor(user).repositoryLoadReasons()).toEqual([reason]);
  });

  it.each([
    { which: 'without listenTo', subscriber: anyEntity, counts: true },
    { which: 'listening to the user entity', subscriber: plainOnly, counts: true },
    { which: 'listening to another entity', subscriber: teamOnly, counts: false },
    { which: 'without afterLoad', subscriber: plainWithoutAfterLoad, counts: false },
  ])('sees a subscriber $which pushed late (counts: $counts)', ({ subscriber, counts }) => {
    const lookup = lookupFor(PlainUser);
    expect(lookup.repositoryLoadReasons()).toEqual([]);
    // Pushed after the lookup was made, as a Nest provider does in its constructor.
    dataSource.subscribers.push(subscriber);
    expect(lookup.repositoryLoadReasons()).toEqual(counts ? ['entity subscribers with afterLoad'] : []);
  });

  it('counts a subscriber listening to a parent class of the user entity', () => {
    dataSource.subscribers.push({ listenTo: () => Person, afterLoad: () => undefined });
    expect(lookupFor(Employee).repositoryLoadReasons()).toEqual([
      'table inheritance',
      'entity subscribers with afterLoad',
    ]);
  });
});

describe('TokenLookup: the statement held on the better-sqlite3 handle', () => {
  const PlainToken = authTokenEntityFor(PlainUser);
  const folder = mkdtempSync(join(tmpdir(), 'token-lookup-'));
  let dataSource: DataSource;
  let lookup: TokenLookup<PlainUser>;

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: join(folder, 'lookup.sqlite'),
      entities: [Team, PlainUser, PlainToken],
      synchronize: true,
    });
    await dataSource.initialize();
    const user = await dataSource.getRepository(PlainUser).save({ username: 'ada', secret: 'hidden' });
    const now = new Date('2026-11-30T12:00:00.000Z');
    await dataSource
      .getRepository(PlainToken)
      .insert({ id: 't1', digest: 'd1', createdAt: now, expiresAt: now, lastUsedAt: null, scopes: ['a', 'b'], user });
    lookup = new TokenLookup(dataSource.getRepository(PlainToken));
  });
  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('returns the entities the repository returns', async () => {
    const found = await findWithUser(lookup, 'd1');
    const expected = await dataSource
      .getRepository(PlainToken)
      .findOne({ where: { digest: 'd1' }, relations: { user: true } });
    expect(found).toEqual(expected);
    expect(found?.user).toBeInstanceOf(PlainUser);
    expect(found?.scopes).toEqual(['a', 'b']);
    expect(await findWithUser(lookup, 'unknown')).toBeNull();
  });

  it('answers at once rather than with a promise, so that the guard can settle a request without one', () => {
    const found = lookup.find('d1');
    expect(found).not.toBeInstanceOf(Promise);
    expect((found as AuthenticatedToken<PlainUser>).token.id).toBe('t1');
    expect((found as AuthenticatedToken<PlainUser>).user).toBeInstanceOf(PlainUser);
    expect(lookup.find('unknown')).toBeNull();
  });

  it('fails as TypeORM fails once the DataSource is destroyed, and prepares again on the new handle', async () => {
    await dataSource.destroy();
    const failure = await findWithUser(lookup, 'd1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(isOutage(failure)).toBe(true);
    await dataSource.initialize();
    expect((await findWithUser(lookup, 'd1'))?.id).toBe('t1');
  });

  it("wraps the driver's errors in a QueryFailedError", async () => {
    await dataSource.query('ALTER TABLE "lookup_spec_plain" RENAME TO "lookup_spec_plain_gone"');
    try {
      const failure = await findWithUser(lookup, 'd1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect((failure as QueryFailedError).driverError).toMatchObject({ code: 'SQLITE_ERROR' });
      expect(isOutage(failure)).toBe(false);
    } finally {
      await dataSource.query('ALTER TABLE "lookup_spec_plain_gone" RENAME TO "lookup_spec_plain"');
    }
  });
});

// Needs the PostgreSQL that jest's globalSetup starts (not in the fast tier, which runs on SQLite only).
const describeOnPostgres = process.env.TEST_POSTGRES_URL ? describe : describe.skip;

describeOnPostgres("TokenLookup on PostgreSQL: the statement on the lookup's own pipelined connections", () => {
  const PlainToken = authTokenEntityFor(PlainUser);
  const name = `lookup_spec_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  let dataSource: DataSource;
  let lookup: TokenLookup<PlainUser>;
  /** The backends whose last statement is the lookup's (TypeORM's pool never runs it): the lookup's own. */
  const lookupBackends = async () => {
    const sql = `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'SELECT t."id" AS "t0"%'`;
    return (await admin.query<{ pid: number }>(sql, [name])).rows.map((row) => row.pid);
  };
  const pool = () => (dataSource.driver as unknown as { master: PgPool }).master;
  const pgModule = () => (dataSource.driver as unknown as { postgres: PgModule }).postgres;
  const sockets = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
  async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const value = await probe();
      if (done(value) || attempt === 50) return value;
      await sleep(100);
    }
  }

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.TEST_POSTGRES_URL as string);
    url.pathname = `/${name}`;
    const entities = [Team, PlainUser, PlainToken];
    dataSource = new DataSource({ type: 'postgres', url: url.href, entities, synchronize: true });
    await dataSource.initialize();
    const user = await dataSource.getRepository(PlainUser).save({ username: 'ada', secret: 'hidden' });
    const now = new Date('2026-11-30T12:00:00.000Z');
    const token = { id: 't1', digest: 'd1', createdAt: now, expiresAt: now, lastUsedAt: null, scopes: ['a', 'b'] };
    await dataSource.getRepository(PlainToken).insert({ ...token, user });
    lookup = new TokenLookup(dataSource.getRepository(PlainToken));
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('returns what the repository returns, through at most two connections that idle unreferenced', async () => {
    const idle = sockets();
    const found = await findWithUser(lookup, 'd1');
    const tokens = dataSource.getRepository(PlainToken);
    expect(found).toEqual(await tokens.findOne({ where: { digest: 'd1' }, relations: { user: true } }));
    expect(found?.user).toBeInstanceOf(PlainUser);
    expect(found?.createdAt).toEqual(new Date('2026-11-30T12:00:00.000Z'));
    const many = await Promise.all(
      Array.from({ length: 60 }, (_, i) => findWithUser(lookup, i % 3 ? 'd1' : 'unknown')),
    );
    expect(many.map((token) => token?.id ?? null)).toEqual(Array.from({ length: 60 }, (_, i) => (i % 3 ? 't1' : null)));
    const backends = await lookupBackends();
    expect(backends.length).toBeGreaterThanOrEqual(1);
    expect(backends.length).toBeLessThanOrEqual(2);
    // No query in flight: the lookup's sockets do not hold the process open (the pool's idle ones may).
    expect(sockets()).toBeLessThanOrEqual(idle);
  });

  it('tells a schema fault (500) from an outage (503), as on the pool', async () => {
    await dataSource.query('ALTER TABLE "lookup_spec_plain" RENAME TO "lookup_spec_plain_gone"');
    try {
      const failure = await findWithUser(lookup, 'd1').catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: '42P01' });
      expect(isOutage(failure)).toBe(false);
    } finally {
      await dataSource.query('ALTER TABLE "lookup_spec_plain_gone" RENAME TO "lookup_spec_plain"');
    }
    expect((await findWithUser(lookup, 'd1'))?.id).toBe('t1');
  });

  it('connects again after the server ended its connections, failing meanwhile only as an outage', async () => {
    await findWithUser(lookup, 'd1');
    const before = await lookupBackends();
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    const failures: unknown[] = [];
    const found = await eventually(
      () => findWithUser(lookup, 'd1').catch((error: unknown) => void failures.push(error)),
      (token) => token?.id === 't1',
    );
    expect(found?.id).toBe('t1');
    expect(failures.every(isOutage)).toBe(true);
    const after = await lookupBackends();
    expect(after.length).toBeLessThanOrEqual(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
  });

  it('leaves the statement to the pool when the pool sets its connections up (connect listeners, verify)', async () => {
    const setup = () => undefined;
    (pool() as unknown as pg.Pool).on('connect', setup);
    try {
      expect(lookupClients(pool(), pgModule())).toBeUndefined();
      expect((await findWithUser(lookup, 'd1'))?.id).toBe('t1');
    } finally {
      (pool() as unknown as pg.Pool).off('connect', setup);
    }
    const options = pool().options as Record<string, unknown>;
    options.verify = setup;
    try {
      expect(lookupClients(pool(), pgModule())).toBeUndefined();
    } finally {
      delete options.verify;
    }
    expect(lookupClients(pool(), pgModule())).toBeDefined();
  });

  it('closes its connections with the DataSource, fails as TypeORM fails, and opens new ones on the next', async () => {
    expect(await lookupBackends()).not.toEqual([]);
    await dataSource.destroy();
    expect(await eventually(lookupBackends, (pids) => pids.length === 0)).toEqual([]);
    const failure = await findWithUser(lookup, 'd1').catch((error: unknown) => error);
    expect(isOutage(failure)).toBe(true);
    await dataSource.initialize();
    expect((await findWithUser(lookup, 'd1'))?.id).toBe('t1');
    expect((await lookupBackends()).length).toBeGreaterThanOrEqual(1);
  });
});
