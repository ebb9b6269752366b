import {
  AfterLoad,
  AfterInsert,
  ChildEntity,
  Column,
  DataSource,
  Entity,
  ManyToOne,
  PrimaryGeneratedColumn,
  RelationId,
  TableInheritance,
  VirtualColumn,
  type EntitySubscriberInterface,
} from 'typeorm';
import { authTokenEntityFor } from './auth-token.entity.js';
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

const USERS = [PlainUser, EagerUser, ListenerUser, EmbeddedListenerUser, RelationIdUser, VirtualUser, JsonbUser, Person, Employee];

const anyEntity = { afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const plainOnly = { listenTo: () => PlainUser, afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const teamOnly = { listenTo: () => Team, afterLoad: () => undefined } satisfies EntitySubscriberInterface;
const plainWithoutAfterLoad = { listenTo: () => PlainUser, afterInsert: () => undefined } satisfies EntitySubscriberInterface;

describe('TokenLookup: the statement or the repository', () => {
  let dataSource: DataSource;
  const lookupFor = (user: Function) => new TokenLookup(dataSource.getRepository(authTokenEntityFor(user as new () => object)));

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
    expect(lookupFor(Employee).repositoryLoadReasons()).toEqual(['table inheritance', 'entity subscribers with afterLoad']);
  });
});
