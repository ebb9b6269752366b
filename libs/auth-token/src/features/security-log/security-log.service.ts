import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { AuthTokenEventPublisher } from '../../core/events/auth-token-event-publisher.js';
import type { AuthTokenEventMap, EventClient } from '../../core/events/auth-token.events.js';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import { AUTH_SECURITY_EVENT_REPOSITORY } from '../../core/module/auth-token.internal-constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { Clock } from '../../core/time/clock.js';
import { UserKey, type UserBound } from '../../core/users/user-bound-entity.js';
import { UserStore, type UserId } from '../../core/users/user-store.js';
import { deviceName } from '../sessions/device-name.js';
import type { AuthSecurityEvent } from './auth-security-event.entity.js';
import type { SecurityEventType } from './security-event-type.js';
import { sortableId } from './sortable-id.js';
import { SECURITY_LOG_ENTRIES, type LoggableEvent } from './security-log.entries.js';

/** One entry of a security log as users and admin pages see it. */
export interface SecurityLogEntry {
  type: SecurityEventType;
  at: Date;
  /** The client's IP address, when a request caused the event. */
  ip: string | null;
  /** The device in words ("Chrome 138 on Linux"), when the request named one. */
  device: string | null;
}

/** Most entries {@link SecurityLog.list} returns. */
export const SECURITY_LOG_PAGE = 100;

const MAX_IP = 45;
const MAX_DEVICE = 100;
const HOUR_MS = 3_600_000;

/**
 * Each user's log of security events: logins (and failed logins naming the account), logouts, password and
 * second-factor changes, API tokens, leaked tokens (see {@link SECURITY_LOG_ENTRIES}). Fed by the library's
 * events, whatever the host registered; exported for hosts' admin pages ({@link list}) and their own entries
 * ({@link record}).
 */
@Injectable()
export class SecurityLog<TUser extends object = object> implements OnModuleInit, OnModuleDestroy {
  private readonly userKey: UserKey;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: ResolvedAuthTokenOptions,
    @Inject(AUTH_SECURITY_EVENT_REPOSITORY) private readonly entries: Repository<UserBound<AuthSecurityEvent>>,
    private readonly users: UserStore<TUser>,
    private readonly clock: Clock,
    private readonly events: AuthTokenEventPublisher,
  ) {
    this.userKey = new UserKey(entries);
  }

  onModuleInit(): void {
    if (!this.options.securityLog.enabled) return;
    for (const [event, typeOf] of Object.entries(SECURITY_LOG_ENTRIES)) {
      const toType = typeOf as (payload: LoggableEvent) => SecurityEventType | null;
      this.unsubscribe.push(
        this.events.subscribe(event as keyof AuthTokenEventMap, async (event) => {
          const payload = event as LoggableEvent;
          const type = toType(payload);
          if (type && payload.userId !== null) await this.record(payload.userId, type, payload.client ?? null);
        }),
      );
    }
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  /**
   * Adds an entry to the log of the user with this id. A `login_failed` entry beyond
   * `securityLog.maxFailedLoginsPerHour` in the last hour is left out: guesses cannot flood a user's log.
   */
  async record(userId: UserId, type: SecurityEventType, client: EventClient | null = null): Promise<void> {
    const at = this.clock.now();
    if (
      type === 'login_failed' &&
      (await this.failuresWithinHour(userId, at)) >= this.options.securityLog.maxFailedLoginsPerHour
    )
      return;
    await this.entries.insert({
      id: sortableId(at),
      type,
      at,
      ip: client?.ip ? client.ip.slice(0, MAX_IP) : null,
      device: deviceName(client?.userAgent ?? null)?.slice(0, MAX_DEVICE) ?? null,
      user: this.userKey.ref(userId),
    });
  }

  /** The newest entries of a user's log (the user or its id), newest first, at most `limit` (100). */
  async list(user: TUser | UserId, limit = SECURITY_LOG_PAGE): Promise<SecurityLogEntry[]> {
    const userId = typeof user === 'object' ? this.users.getId(user) : user;
    const rows = await this.entries
      .createQueryBuilder('entry')
      .select(['entry.type', 'entry.at', 'entry.ip', 'entry.device'])
      .where(...this.userKey.is(userId, 'entry'))
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(Math.max(1, Math.min(limit, SECURITY_LOG_PAGE)))
      .getMany();
    return rows.map(({ type, at, ip, device }) => ({ type, at, ip, device }));
  }

  private failuresWithinHour(userId: UserId, now: Date): Promise<number> {
    return this.entries
      .createQueryBuilder('entry')
      .where(...this.userKey.is(userId, 'entry'))
      .andWhere("entry.type = 'login_failed'")
      .andWhere('entry.at > :since', { since: new Date(now.getTime() - HOUR_MS) })
      .getCount();
  }
}
