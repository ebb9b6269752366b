import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AuthTokenEventMap } from './auth-token.events.js';

interface EmitterLike {
  emit(event: string, payload: unknown): unknown;
}

/**
 * Publishes the library's events on the app's EventEmitter2 when it registered @nestjs/event-emitter's
 * `EventEmitterModule`; otherwise events go nowhere. A failing listener never fails the request.
 */
@Injectable()
export class AuthTokenEventPublisher implements OnModuleInit {
  private readonly logger = new Logger('AuthToken');
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

  publish<K extends keyof AuthTokenEventMap>(event: K, payload: AuthTokenEventMap[K]): void {
    if (!this.emitter) return;
    try {
      this.emitter.emit(event, payload);
    } catch (error) {
      this.logger.error(`A listener of ${event} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
