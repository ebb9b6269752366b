// A bare Nest app beside the demo, for `npm run bench`: the same Nest, platform (HTTP_ADAPTER) and database
// (DATABASE_URL, the tables the demo made), and no library. Its open route answers what the demo's does; its
// guarded routes are the minimal guard and the tuned JWT guard of reference-routes.mjs. Plain JavaScript, as
// bench/server.mjs.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jwtTuned, MinimalController, MinimalGuard } from './reference-routes.mjs';
import { profileOnRequest } from './profiler.mjs';

const url = process.env.DATABASE_URL ?? '';
const database = url.startsWith('sqlite:')
  ? { type: 'better-sqlite3', database: url.slice('sqlite:'.length) }
  : { type: 'postgres', url };

class PublicController {
  hello() {
    return { message: 'Hello anonymous!' };
  }
}
const hello = Object.getOwnPropertyDescriptor(PublicController.prototype, 'hello');
Get('public')(PublicController.prototype, 'hello', hello);
Controller('api')(PublicController);

class BareModule {}
Module({
  imports: [TypeOrmModule.forRoot(database), PassportModule],
  controllers: [PublicController, MinimalController, jwtTuned.controller],
  providers: [MinimalGuard, jwtTuned.strategy],
})(BareModule);

async function adapter() {
  if (process.env.HTTP_ADAPTER !== 'fastify') return undefined;
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  return new FastifyAdapter();
}

const fastify = await adapter();
const app = fastify
  ? await NestFactory.create(BareModule, fastify, { logger: ['error', 'warn'] })
  : await NestFactory.create(BareModule, { logger: ['error', 'warn'] });
await app.listen(Number(process.env.PORT), '127.0.0.1');
console.log(`bench server listening on ${process.env.PORT}`);

profileOnRequest();
