import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { Controller, Get, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenModule, authTokenEntities } from 'nestjs-auth-token';
import request from 'supertest';
import { User } from './fixtures/library-host/user.entity.js';
import { createTestApplication, TEST_PLATFORMS, type TestPlatform } from './fixtures/platforms.js';

// What runs for a host's route that the library does not guard, counted with and without the library: its
// cost there must be nothing, whatever the library mounts beside it. Counts, not timings.

@Controller('plain')
class PlainController {
  @Get()
  hello() {
    return { hello: 'world' };
  }
}

/** The host: a plain route, and with `withLibrary` the library with every feature on, on SQLite in memory. */
function host(withLibrary: boolean): DynamicModule {
  @Module({})
  class HostModule {}
  return {
    module: HostModule,
    imports: withLibrary
      ? [
          TypeOrmModule.forRoot({
            type: 'better-sqlite3',
            database: ':memory:',
            entities: [User, ...authTokenEntities(User)],
            synchronize: true,
          }),
          AuthTokenModule.forRoot({
            userEntity: User,
            scrypt: { cost: 1024 },
            registration: { enabled: true },
            apiTokens: { enabled: true },
            mfa: { encryptionKey: Buffer.alloc(32, 7) },
            passwordReset: { url: 'https://app.test/reset#' },
          }),
        ]
      : [],
    controllers: [PlainController],
  };
}

/** Express 5's router layers (app-wide middleware, routes): each handler that runs for a request is one call. */
const Layer = createRequire(import.meta.url)('router/lib/layer.js') as {
  prototype: { handleRequest: (...args: unknown[]) => unknown };
};

interface Census {
  /** Nest middleware bound to routes, on either platform (each is checked against every request's path). */
  middlewareBindings: number;
  /** Express: router layers whose handler ran for GET /plain. */
  handlersRun?: number;
  /** Fastify: hooks added to the whole instance, by name (they run for every request). */
  instanceHooks?: Record<string, number>;
  /** Fastify: hooks of the /plain route itself, by name. */
  routeHooks?: Record<string, number>;
  /** Fastify: middleware (middie) registered on the instance. */
  middleware?: number;
}

type Hook = (...args: unknown[]) => unknown;
interface FastifyLike {
  addHook(name: string, hook: Hook): unknown;
  use?: (...args: unknown[]) => unknown;
}

async function census(platform: TestPlatform, withLibrary: boolean): Promise<Census> {
  const moduleRef = await Test.createTestingModule({ imports: [host(withLibrary)] }).compile();
  const app: INestApplication = createTestApplication(moduleRef, platform, { logger: false });
  const result: Census = { middlewareBindings: 0 };
  // Nest binds each middleware to each route through the adapter's factory, on Express and on Fastify alike.
  type Bind = (...args: unknown[]) => unknown;
  const adapter = app.getHttpAdapter() as unknown as { createMiddlewareFactory(method: unknown): unknown };
  const createMiddlewareFactory = adapter.createMiddlewareFactory.bind(adapter);
  const counted =
    (bind: Bind): Bind =>
    (...args) => {
      result.middlewareBindings += 1;
      return bind(...args);
    };
  adapter.createMiddlewareFactory = (method) => {
    const bind = createMiddlewareFactory(method) as Bind | Promise<Bind>;
    return bind instanceof Promise ? bind.then(counted) : counted(bind);
  };
  try {
    if (platform === 'fastify') {
      const instance = app.getHttpAdapter().getInstance() as FastifyLike;
      const instanceHooks: Record<string, number> = {};
      const routeHooks: Record<string, number> = {};
      let middleware = 0;
      const addHook = instance.addHook.bind(instance);
      instance.addHook = (name, hook) => {
        // onRoute runs while routes are registered, never for a request.
        if (name !== 'onRoute') instanceHooks[name] = (instanceHooks[name] ?? 0) + 1;
        return addHook(name, hook);
      };
      const use = instance.use?.bind(instance);
      if (use) {
        instance.use = (...args) => {
          middleware += 1;
          return use(...args);
        };
      }
      addHook('onRoute', (route) => {
        const options = route as Record<string, unknown> & { url: string };
        if (options.url !== '/plain') return;
        for (const name of ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend']) {
          const hooks = options[name];
          routeHooks[name] = hooks === undefined ? 0 : [hooks].flat().length;
        }
      });
      await app.init();
      await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
      Object.assign(result, { instanceHooks, routeHooks, middleware });
    } else {
      await app.init();
    }
    const original = Layer.prototype.handleRequest;
    let handlersRun = 0;
    Layer.prototype.handleRequest = function (this: unknown, ...args: unknown[]) {
      handlersRun += 1;
      return original.apply(this, args);
    };
    try {
      const answer = await request(app.getHttpServer() as Server).get('/plain');
      expect(answer.body).toEqual({ hello: 'world' });
    } finally {
      Layer.prototype.handleRequest = original;
    }
    if (platform === 'express') result.handlersRun = handlersRun;
    return result;
  } finally {
    await app.close();
  }
}

describe.each(TEST_PLATFORMS)("a host's own route, not guarded by the library (%s)", (platform) => {
  it('runs exactly what it runs without the library', async () => {
    const without = await census(platform, false);
    const withLibrary = await census(platform, true);
    expect(withLibrary).toEqual(without);
    if (platform === 'express') expect(without.handlersRun).toBeGreaterThan(0);
    else expect(Object.keys(without.routeHooks ?? {})).toHaveLength(6);
  });
});
