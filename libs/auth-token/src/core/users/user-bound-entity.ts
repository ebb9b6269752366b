import type { Type } from '@nestjs/common';
import { Entity, Index, JoinColumn, ManyToOne, type Repository } from 'typeorm';

type AbstractClass<T> = abstract new () => T;

/**
 * A row of a user-bound entity as the services handle it: its own columns and the `user` relation, typed as
 * `object`. TypeORM's find and update types cannot be checked against a generic `TUser`; against `object` they
 * can, so the services need no casts. The User entity itself is typed where it leaves them (`as TUser`).
 */
export type UserBound<E extends object> = E & { user?: object };

const cache = new WeakMap<AbstractClass<object>, WeakMap<Type<object>, Type<object>>>();

/**
 * A concrete entity of the library's abstract `base`, stored in `table`, whose `user` relation points at the
 * host's User entity through a `userId` foreign key with ON DELETE CASCADE: deleting a user deletes its rows.
 * The same class is returned for the same base and User entity, as TypeORM needs one class per table. With
 * `optional`, a row may have no user (`userId` NULL): a passkey login's challenge, made before anyone is known.
 */
export function userBoundEntity<TBase extends object, TUser extends object>(
  base: AbstractClass<TBase>,
  table: string,
  userEntity: Type<TUser>,
  { optional = false }: { optional?: boolean } = {},
): Type<TBase & { user?: TUser }> {
  const byUser = cache.get(base) ?? new WeakMap<Type<object>, Type<object>>();
  cache.set(base, byUser);
  const known = byUser.get(userEntity);
  if (known) return known as Type<TBase & { user?: TUser }>;

  @Entity(table)
  class UserBound extends (base as AbstractClass<object>) {
    @ManyToOne(() => userEntity, { onDelete: 'CASCADE', nullable: optional })
    @JoinColumn({ name: 'userId' })
    @Index(`IDX_${table}_user`)
    user?: TUser;
  }
  Object.defineProperty(UserBound, 'name', { value: base.name });
  byUser.set(userEntity, UserBound);
  return UserBound as Type<TBase & { user?: TUser }>;
}

/**
 * The `userId` column of a user-bound table, for conditions written by hand:
 * `query.where(...userKey.is(userId, 'token'))` is `token."userId" = :userId` with its parameter.
 */
export class UserKey {
  /** The escaped column name. */
  readonly column: string;
  /** The User entity's primary key property, to point a new row at a user known by its id only. */
  private readonly userIdProperty: string;

  constructor(repository: Repository<object>) {
    const [relation] = repository.metadata.manyToOneRelations;
    const [column] = relation.joinColumns;
    this.column = repository.manager.connection.driver.escape(column.databaseName);
    this.userIdProperty = relation.inverseEntityMetadata.primaryColumns[0].propertyName;
  }

  /** The `user` value of a new row for the user with this id: `{ user: userKey.ref(userId) }`. */
  ref(userId: unknown): object {
    return { [this.userIdProperty]: userId };
  }

  is(userId: unknown, alias?: string): [string, { userId: unknown }] {
    return [`${alias ? `${alias}.` : ''}${this.column} = :userId`, { userId }];
  }
}
