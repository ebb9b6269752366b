import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AuthTokenEventMap } from './auth-token.events.js';
import { reasonOf } from '../errors/reason-of.js';

interface EmitterLike {
  emit(event: string, payload: unknown): unknown;
}

/** A listener inside the library: the publisher waits for it, and logs (never throws) what it throws. */
export type AuthTokenEventListener<K extends keyof AuthTokenEventMap> = (
  payload: AuthTokenEventMap[K],
) => void | Promise<void>;

/**
 * Publishes the library's events: to the listeners the features registered with {@link subscribe} (the
 * security log, the security notices), which work whatever the host has, and on the app's EventEmitter2 when it
 * registered @nestjs/event-emitter's `EventEmitterModule`. A failing listener never fails the request.
 */
@Injectable()
export class AuthTokenEventPublisher implements OnModuleInit {
  private readonly logger = new Logger('AuthToken');
  private readonly listeners = new Map<keyof AuthTokenEventMap, Set<AuthTokenEventListener<never>>>();
  private emitter: EmitterLike | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  async onModuleInit(): Promise<void> {
    try {
      const { EventEmitter2 } = await import('@nestjs/event-emitter');
      this.emitter = this.moduleRef.get(EventEmitter2, { strict: false });
    } catch {
      this.emitter = null;
    }
  }

  /**
   * Calls `listener` with every `event` published from now on, until the returned function is called. A listener
   * that must not hold up the request (a mail) queues its work and returns.
   */
  subscribe<K extends keyof AuthTokenEventMap>(event: K, listener: AuthTokenEventListener<K>): () => void {
    const listeners = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Hands `payload` to the host's EventEmitter2, then to the library's listeners, and waits for those. */
  async publish<K extends keyof AuthTokenEventMap>(event: K, payload: AuthTokenEventMap[K]): Promise<void> {
    try {
      this.emitter?.emit(event, payload);
    } catch (error) {
      this.logger.error(`A listener of ${event} failed: ${reasonOf(error)}`);
    }
    const listeners = [...(this.listeners.get(event) ?? [])] as AuthTokenEventListener<K>[];
    await Promise.all(listeners.map((listener) => this.run(event, listener, payload)));
  }

  private async run<K extends keyof AuthTokenEventMap>(
    event: K,
    listener: AuthTokenEventListener<K>,
    payload: AuthTokenEventMap[K],
  ): Promise<void> {
    try {
      await listener(payload);
    } catch (error) {
      this.logger.error(`A listener of ${event} failed: ${reasonOf(error)}`);
    }
  }
}
