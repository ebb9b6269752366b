import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * On Fastify, a request that names JSON but sends no bytes (`POST /auth/logout` from a client that always sets
 * `Content-Type: application/json`) gets the body `{}`, as from Express's parser, rather than Fastify's 400. Any
 * other body goes to Fastify's own JSON parser, with its defaults.
 */
export function acceptEmptyJsonBodies(app: NestFastifyApplication): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', {}, (request, body, done) => {
    if (body.length === 0) done(null, {});
    // Fastify's parser answers through `done`; its type also allows a parser that returns a promise instead.
    else void parseJson(request, body.toString('utf8'), done);
  });
}
