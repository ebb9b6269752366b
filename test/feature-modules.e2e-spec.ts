import type { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenModule, authTokenEntities, type AuthTokenOptions } from 'nestjs-auth-token';
import request from 'supertest';
import { User } from './fixtures/library-host/user.entity.js';

// How the module is assembled, not what a database does: SQLite in memory is enough.

/** The defaults: registration, API tokens, two-factor login and password reset are off. */
const FEATURES_OFF: AuthTokenOptions = {
  scrypt: { cost: 1024 },
  securityLog: { enabled: false },
  leakedTokens: { enabled: false },
};

async function start(authModule: ReturnType<typeof AuthTokenModule.forRoot>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        type: 'better-sqlite3',
        database: ':memory:',
        entities: [User, ...authTokenEntities(User)],
        synchronize: true,
      }),
      authModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const controllersOf = (app: INestApplication) =>
  app
    .get(DiscoveryService)
    .getControllers()
    .map((wrapper) => wrapper.metatype?.name)
    .sort();

const modulesOf = (app: INestApplication) =>
  [
    ...new Set(
      app
        .get(DiscoveryService)
        .getProviders()
        .map((wrapper) => wrapper.host?.name),
    ),
  ].sort();

describe('AuthTokenModule assembled from a core and one module per feature', () => {
  let apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
  });

  it('gives each feature its own Nest module beside the core', async () => {
    const app = await start(AuthTokenModule.forRoot({ ...FEATURES_OFF, userEntity: User }));
    apps.push(app);
    expect(modulesOf(app)).toEqual(
      expect.arrayContaining([
        'AuthTokenCoreModule',
        'ThrottlingModule',
        'MailedLinksModule',
        'PasswordsModule',
        'PasskeysModule',
        'TwoFactorModule',
        'LoginModule',
        'ReauthenticationModule',
        'SessionsModule',
        'ApiTokensModule',
        'RegistrationModule',
        'CleanupModule',
      ]),
    );
  });

  it('forRoot() mounts no route of a feature that is off', async () => {
    const app = await start(AuthTokenModule.forRoot({ ...FEATURES_OFF, userEntity: User }));
    apps.push(app);
    expect(controllersOf(app)).toEqual([
      'LoginController',
      'PasswordChangeController',
      'ReauthenticationController',
      'SessionsController',
    ]);
  });

  it('forRoot() mounts the routes of the features that are on', async () => {
    const app = await start(
      AuthTokenModule.forRoot({
        scrypt: { cost: 1024 },
        userEntity: User,
        registration: { enabled: true },
        apiTokens: { enabled: true },
        mfa: { encryptionKey: Buffer.alloc(32, 7) },
        passwordReset: { url: 'https://app.test/reset#' },
        passkeys: { rpId: 'app.test' },
      }),
    );
    apps.push(app);
    expect(controllersOf(app)).toEqual([
      'ApiTokensController',
      'LeakReportController',
      'LoginController',
      'MfaController',
      'MfaLoginController',
      'PasskeyLoginController',
      'PasskeyReauthenticationController',
      'PasskeysController',
      'PasswordChangeController',
      'PasswordResetController',
      'ReauthenticationController',
      'RegistrationController',
      'SecurityLogController',
      'SessionsController',
      'TokenRevocationController',
    ]);
  });

  it('forRootAsync() learns the options too late to leave routes out: those of a feature that is off answer 404', async () => {
    const app = await start(AuthTokenModule.forRootAsync({ userEntity: User, useFactory: () => FEATURES_OFF }));
    apps.push(app);
    expect(controllersOf(app)).toContain('RegistrationController');
    await app.listen(0, '127.0.0.1');
    const answer = await request(await app.getUrl())
      .post('/auth/register')
      .send({ username: 'ada', password: 'correct horse battery' });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ statusCode: 404, message: 'Cannot POST /auth/register' });
    const passkeys = await request(await app.getUrl()).post('/auth/login/passkey/options');
    expect(passkeys.status).toBe(404);
  });

  it('keeps two forRoot() calls of one app apart, each with its own core', () => {
    const first = AuthTokenModule.forRoot({ ...FEATURES_OFF, userEntity: User });
    const second = AuthTokenModule.forRoot({ ...FEATURES_OFF, userEntity: User, routePrefix: 'other' });
    expect(first.imports?.[0]).not.toBe(second.imports?.[0]);
    const cores = [first, second].map((module) => (module.imports?.[0] as { module: unknown }).module);
    expect(cores[0]).toBe(cores[1]);
  });
});
