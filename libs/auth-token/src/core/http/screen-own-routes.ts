import type { MiddlewareConsumer, Type } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { bodyLimitOf } from './body-limits.js';
import { bodySizeLimit } from './body-size.middleware.js';
import { fastifyBodyLimitMark, FastifyOriginMark, screenMarkedRequests } from './fastify-screening.js';
import { ForeignOriginMiddleware } from './foreign-origin.middleware.js';

/**
 * Applies the library's request screening to its own routes, never to the host's: a state-changing request from
 * a foreign origin, then a body over its controller's limit, are refused before any guard, pipe or handler runs
 * (on Fastify, before the body is read: see fastify-screening.ts). The count of a body's fields is the first
 * check of the library's validation pipe.
 */
export function screenOwnRoutes(
  consumer: MiddlewareConsumer,
  controllers: Type<object>[],
  httpAdapter: AbstractHttpAdapter | undefined,
): void {
  const onFastify = httpAdapter?.getType() === 'fastify';
  if (onFastify) screenMarkedRequests(httpAdapter.getInstance());
  consumer.apply(onFastify ? FastifyOriginMark : ForeignOriginMiddleware).forRoutes(...controllers);
  const byLimit = new Map<number, Type<object>[]>();
  for (const controller of controllers) {
    const limit = bodyLimitOf(controller);
    byLimit.set(limit, [...(byLimit.get(limit) ?? []), controller]);
  }
  for (const [limit, limited] of byLimit) {
    consumer.apply(onFastify ? fastifyBodyLimitMark(limit) : bodySizeLimit(limit)).forRoutes(...limited);
  }
}
