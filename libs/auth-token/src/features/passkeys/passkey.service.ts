import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import { FieldErrorsException } from '../../core/errors/field-errors.exception.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore } from '../../core/users/user-store.js';
import type { AuthPasskey } from './auth-passkey.entity.js';
import { AUTH_PASSKEY_REPOSITORY } from './passkey-repositories.js';
import { PASSKEYS_EVENTS } from './passkeys.events.js';
import { PASSKEYS_MESSAGES } from './passkeys.messages.js';

/** A passkey as its user sees it in the list. */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Longest name of a passkey. */
export const MAX_PASSKEY_NAME = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A user's passkeys: list, rename, remove. Exported for hosts: an admin screen lists or removes a user's passkeys
 * (after checking who asks, out of band).
 */
@Injectable()
export class PasskeyService<TUser extends object = object> {
  private userKey?: UserKey;

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_PASSKEY_REPOSITORY) private readonly passkeys: Repository<UserBound<AuthPasskey>> | null,
    private readonly users: UserStore<TUser>,
    private readonly events: AuthTokenEventPublisher,
  ) {}

  /** Whether the host turned passkeys on (`passkeys.rpId`). */
  get available(): boolean {
    return this.options.passkeys.enabled;
  }

  /** The user's passkeys, oldest first. */
  async list(user: TUser): Promise<PasskeySummary[]> {
    if (!this.available) return [];
    return (await this.ofUser(user)).map(summary);
  }

  /** Whether the user has a passkey (false while passkeys are off). */
  async has(user: TUser): Promise<boolean> {
    if (!this.available) return false;
    const found = await this.repository()
      .createQueryBuilder('passkey')
      .select('passkey.id')
      .where(...this.key().is(this.users.getId(user), 'passkey'))
      .limit(1)
      .getOne();
    return found !== null;
  }

  /** The user's passkeys as stored (credential ids, keys, counters), oldest first. */
  async ofUser(user: TUser): Promise<AuthPasskey[]> {
    return this.repository()
      .createQueryBuilder('passkey')
      .where(...this.key().is(this.users.getId(user), 'passkey'))
      .orderBy('passkey.createdAt', 'ASC')
      .addOrderBy('passkey.id', 'ASC')
      .getMany();
  }

  /** Renames one of the user's passkeys; another user's or an unknown id: 404. */
  async rename(user: TUser, id: string, name: unknown): Promise<PasskeySummary> {
    const newName = passkeyName(name);
    if (newName === null) throw new FieldErrorsException({ name: [PASSKEYS_MESSAGES.nameInvalid] });
    const passkey = await this.findOwn(user, id);
    await this.repository().update({ id: passkey.id }, { name: newName });
    return summary({ ...passkey, name: newName });
  }

  /** Removes one of the user's passkeys; another user's or an unknown id: 404. */
  async remove(user: TUser, id: string): Promise<void> {
    const passkey = await this.findOwn(user, id);
    const deleted = await this.repository()
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id: passkey.id })
      .andWhere(...this.key().is(this.users.getId(user)))
      .execute();
    if ((deleted.affected ?? 0) === 0) throw new NotFoundException(PASSKEYS_MESSAGES.noSuchPasskey);
    await this.events.publish(PASSKEYS_EVENTS.passkeyRemoved, {
      userId: this.users.getId(user),
      passkeyId: passkey.id,
      name: passkey.name,
    });
  }

  private async findOwn(user: TUser, id: string): Promise<AuthPasskey> {
    // Passkey ids are uuids; anything else cannot exist and need not reach the database.
    const found =
      this.available && typeof id === 'string' && UUID.test(id)
        ? await this.repository()
            .createQueryBuilder('passkey')
            .where('passkey.id = :id', { id })
            .andWhere(...this.key().is(this.users.getId(user), 'passkey'))
            .getOne()
        : null;
    if (!found) throw new NotFoundException(PASSKEYS_MESSAGES.noSuchPasskey);
    return found;
  }

  private repository(): Repository<UserBound<AuthPasskey>> {
    if (!this.passkeys) throw new Error('Passkeys are off: set passkeys.rpId');
    return this.passkeys;
  }

  private key(): UserKey {
    this.userKey ??= new UserKey(this.repository());
    return this.userKey;
  }
}

const summary = ({ id, name, createdAt, lastUsedAt }: AuthPasskey): PasskeySummary => ({
  id,
  name,
  createdAt,
  lastUsedAt,
});

/** A name as given, trimmed: 1 to 100 characters without control characters; null when it is none. */
export function passkeyName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || [...trimmed].length > MAX_PASSKEY_NAME || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return trimmed;
}
