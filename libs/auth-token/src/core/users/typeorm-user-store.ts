import { Inject, Injectable } from '@nestjs/common';
import type { DeepPartial, FindOptionsWhere, ObjectLiteral, QueryDeepPartialEntity, Repository } from 'typeorm';
import { AUTH_TOKEN_USER_FIELDS, AUTH_TOKEN_USER_REPOSITORY } from '../module/auth-token.constants.js';
import type { UserFieldMap } from './user-fields.js';
import { isUniqueViolation } from './unique-violation.js';
import { canonicalUsername } from './username.js';
import { usernameSkeleton } from './username-skeleton.js';
import { UserAlreadyExistsError, UserStore, type NewUserInput, type UserId } from './user-store.js';

/**
 * The default {@link UserStore}: the host's TypeORM User entity. Login names are matched on the entity's
 * `canonicalUsername` column ({@link canonicalUsername}: NFKC and full case folding), which should carry a
 * unique index; without that column, with `LOWER(column) = LOWER(:login)` (ASCII-only folding on SQLite).
 * Look-alike names are found through the `usernameSkeleton` column ({@link usernameSkeleton}), which should carry
 * a unique index too; without it, by reading every name.
 * Extend it and pass the subclass as the `userStore` option to change one behaviour; the module
 * instantiates it with the same injected repository and fields.
 */
@Injectable()
export class TypeOrmUserStore<TUser extends ObjectLiteral = ObjectLiteral> extends UserStore<TUser> {
  constructor(
    @Inject(AUTH_TOKEN_USER_REPOSITORY) protected readonly repository: Repository<TUser>,
    @Inject(AUTH_TOKEN_USER_FIELDS) protected readonly fields: UserFieldMap,
  ) {
    super();
  }

  async findByLogin(login: string): Promise<TUser | null> {
    const canonical = this.fields.canonicalUsername;
    if (canonical !== null) return this.repository.findOneBy(this.where(canonical, canonicalUsername(login)));
    const candidates = await this.repository
      .createQueryBuilder('user')
      .where(`LOWER(user.${this.fields.username}) = LOWER(:login)`, { login })
      .limit(2)
      .getMany();
    // Without a unique case-insensitive index two users may differ only in case: prefer the exact match.
    return candidates.find((user) => this.getLogin(user) === login) ?? candidates[0] ?? null;
  }

  override async findLookAlike(login: string): Promise<TUser | null> {
    const skeleton = usernameSkeleton(login);
    const column = this.fields.usernameSkeleton;
    if (column !== null) return this.repository.findOneBy(this.where(column, skeleton));
    // No column to ask: compare with every name, in batches by primary key (slower, and blind to races).
    const key = this.repository.metadata.primaryColumns[0].propertyName;
    const batchSize = 1000;
    let after: UserId | undefined;
    for (;;) {
      const query = this.repository.createQueryBuilder('user').select([`user.${key}`, `user.${this.fields.username}`]);
      if (after !== undefined) query.where(`user.${key} > :after`, { after });
      const users = await query.orderBy(`user.${key}`).limit(batchSize).getMany();
      const match = users.find((user) => usernameSkeleton(this.getLogin(user)) === skeleton);
      if (match) return this.findById(this.getId(match));
      if (users.length < batchSize) return null;
      after = this.getId(users[users.length - 1]);
    }
  }

  findById(id: UserId): Promise<TUser | null> {
    return this.repository.findOneBy(this.byId(id));
  }

  /** A condition on one property of the User entity, whose properties only the configured field names tell. */
  protected where(property: string, value: unknown): FindOptionsWhere<TUser> {
    return { [property]: value } as FindOptionsWhere<TUser>;
  }

  private byId(id: UserId): FindOptionsWhere<TUser> {
    return this.where(this.repository.metadata.primaryColumns[0].propertyName, id);
  }

  getId(user: TUser): UserId {
    return this.repository.metadata.primaryColumns[0].getEntityValue(user) as UserId;
  }

  getLogin(user: TUser): string {
    return String(user[this.fields.username]);
  }

  getPasswordHash(user: TUser): string | null {
    const hash: unknown = user[this.fields.password];
    return typeof hash === 'string' && hash.length > 0 ? hash : null;
  }

  async setPasswordHash(user: TUser, hash: string): Promise<void> {
    await this.updateField(user, this.fields.password, hash);
  }

  isActive(user: TUser): boolean {
    return this.fields.isActive === null || Boolean(user[this.fields.isActive]);
  }

  async findByEmail(email: string): Promise<TUser[]> {
    if (this.fields.email === null) return [];
    return this.repository
      .createQueryBuilder('user')
      .where(`LOWER(user.${this.fields.email}) = LOWER(:email)`, { email })
      .limit(10)
      .getMany();
  }

  getEmail(user: TUser): string | null {
    const email: unknown = this.fields.email === null ? null : user[this.fields.email];
    return typeof email === 'string' && email.length > 0 ? email : null;
  }

  isEmailConfirmed(user: TUser): boolean {
    return this.fields.emailConfirmed === null || Boolean(user[this.fields.emailConfirmed]);
  }

  async setEmailConfirmed(user: TUser, confirmed: boolean): Promise<void> {
    if (this.fields.emailConfirmed !== null) await this.updateField(user, this.fields.emailConfirmed, confirmed);
  }

  async create({ username, passwordHash, email, emailConfirmed }: NewUserInput): Promise<TUser> {
    const values: Record<string, unknown> = { [this.fields.username]: username, [this.fields.password]: passwordHash };
    if (this.fields.canonicalUsername !== null) values[this.fields.canonicalUsername] = canonicalUsername(username);
    if (this.fields.usernameSkeleton !== null) values[this.fields.usernameSkeleton] = usernameSkeleton(username);
    if (this.fields.email !== null && email !== undefined && !this.loginIsEmail()) values[this.fields.email] = email;
    if (this.fields.emailConfirmed !== null && emailConfirmed !== undefined)
      values[this.fields.emailConfirmed] = emailConfirmed;
    try {
      return await this.repository.save(this.repository.create(values as DeepPartial<TUser>));
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserAlreadyExistsError();
      throw error;
    }
  }

  override loginIsEmail(): boolean {
    return this.fields.email === this.fields.username;
  }

  async delete(user: TUser): Promise<void> {
    await this.repository.delete(this.byId(this.getId(user)));
  }

  protected async updateField(user: TUser, field: string, value: unknown): Promise<void> {
    await this.repository.update(this.byId(this.getId(user)), { [field]: value } as QueryDeepPartialEntity<TUser>);
    (user as Record<string, unknown>)[field] = value;
  }
}
