import type { Type } from '@nestjs/common';
import { Entity, Index, JoinColumn, ManyToOne, type Repository } from 'typeorm';

type AbstractClass<T> = abstract new () => T;

const cache = new WeakMap<AbstractClass<object>, WeakMap<Type<object>, Type<object>>>();

/**
 * A concrete entity of the library's abstract `base`, stored in `table`, whose `user` relation points at the
 * host's User entity through a `userId` foreign key with ON DELETE CASCADE: deleting a user deletes its rows.
 * The same class is returned for the same base and User entity, as TypeORM needs one class per table.
 */
export function userBoundEntity<TBase extends object, TUser extends object>(
  base: AbstractClass<TBase>,
  table: string,
  userEntity: Type<TUser>,
): Type<TBase & { user?: TUser }> {
  const byUser = cache.get(base) ?? new WeakMap<Type<object>, Type<object>>();
  cache.set(base, byUser);
  const known = byUser.get(userEntity);
  if (known) return known as Type<TBase & { user?: TUser }>;

  @Entity(table)
  class UserBound extends (base as AbstractClass<object>) {
    @ManyToOne(() => userEntity, { onDelete: 'CASCADE', nullable: false })
    @JoinColumn({ name: 'userId' })
    @Index(`IDX_${table}_user`)
    user?: TUser;
  }
  Object.defineProperty(UserBound, 'name', { value: base.name });
  byUser.set(userEntity, UserBound);
  return UserBound as Type<TBase & { user?: TUser }>;
}

/** The escaped name of the `userId` column of a user-bound entity's table, for hand-written conditions. */
export function userIdColumn(repository: Repository<object>): string {
  const [column] = repository.metadata.manyToOneRelations[0].joinColumns;
  return repository.manager.connection.driver.escape(column.databaseName);
}
