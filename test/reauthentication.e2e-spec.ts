import { Controller, Get, Module, Post, UseGuards } from '@nestjs/common';
import {
  AllowApiTokens,
  ApiTokenService,
  AuthTokenConfigError,
  AuthTokenGuard,
  RequireReauthentication,
  RequireRecentLogin,
  RequireScopes,
  TokenService,
  UserStore,
} from 'nestjs-auth-token';
import {
  json,
  type ApiToken,
  type CreatedApiToken,
  type ErrorBody,
  type FieldErrorsBody,
  type TotpSetup,
} from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import type { User } from './fixtures/library-host/user.entity.js';
import { totp } from './fixtures/totp.js';

const PASSWORD = 'violet staple battery';
const WINDOW = 600;
const MFA_KEY = Buffer.alloc(32, 7);
const REAUTH_REQUIRED = (seconds: number) => ({
  statusCode: 403,
  error: 'Forbidden',
  code: 'reauthentication_required',
  message: `This needs a proof of identity within the last ${seconds} seconds: confirm your password (POST /auth/reauthenticate) or log in again.`,
});

/** A host's own routes: sensitive ones, one that lets API tokens in without a scope, one that names a scope. */
@Controller('account')
class AccountController {
  @Post('delete')
  @UseGuards(AuthTokenGuard)
  @RequireReauthentication()
  remove() {
    return { deleted: true };
  }

  @Post('export')
  @UseGuards(AuthTokenGuard)
  @RequireRecentLogin(300)
  exportAll() {
    return { exported: true };
  }

  @Get('status')
  @UseGuards(AuthTokenGuard)
  @AllowApiTokens()
  status() {
    return { ok: true };
  }

  @Get('orders')
  @UseGuards(AuthTokenGuard)
  @RequireScopes('orders:read')
  orders() {
    return { orders: [] };
  }
}

@Module({ controllers: [AccountController] })
class AccountModule {}

describe.each(TEST_DATABASES)(
  're-authentication and least privilege: a stolen session cannot become lasting access (%s)',
  (db) => {
    let host: LibraryTestApp;
    let counter = 0;

    beforeAll(async () => {
      host = await startLibraryHost(db, {
        imports: [{ module: AccountModule }],
        options: {
          isGlobal: true,
          apiTokens: { enabled: true, maxPerUser: 5 },
          scopes: { 'orders:read': 'Read orders' },
          reauthentication: { window: WINDOW },
          mfa: { encryptionKey: MFA_KEY },
        },
      });
    });
    afterAll(() => host.close());
    beforeEach(() => host.query('DELETE FROM auth_throttle'));

    const as = (token: string) => ({
      get: (path: string) => host.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object = {}) =>
        host.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
      delete: (path: string) => host.http().delete(path).set('Authorization', `Bearer ${token}`),
    });
    /** Creates an API token with `login` (201 expected) and gives the token. */
    const apiToken = async (login: string, body: object) =>
      (await json<CreatedApiToken>(as(login).post('/auth/tokens', body).expect(201))).body.token;
    async function member(): Promise<{ username: string; login: string; user: User }> {
      counter += 1;
      const username = `owner${counter}`;
      const user = await host.createUser({ username, password: PASSWORD });
      return { username, user, login: await host.login(username, PASSWORD) };
    }
    /** Runs `work` with the clock `seconds` later, then moves it back (the host is shared by the specs). */
    async function later(seconds: number, work: () => Promise<void>): Promise<void> {
      host.clock.advance(seconds);
      try {
        await work();
      } finally {
        host.clock.advance(-seconds);
      }
    }

    it('asks an old login token to prove who it is before it creates an API token or a second factor', async () => {
      const { login } = await member();
      await later(WINDOW + 1, async () => {
        for (const path of ['/auth/tokens', '/auth/mfa/totp/setup', '/auth/mfa/totp/enable']) {
          const response = await json<ErrorBody>(as(login).post(path, { name: 'stolen', code: '000000' }));
          expect({ path, status: response.status, body: response.body }).toEqual({
            path,
            status: 403,
            body: REAUTH_REQUIRED(WINDOW),
          });
        }
        expect((await as(login).get('/auth/tokens').expect(200)).body).toEqual([]);
        await as(login).post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
        await as(login).post('/auth/tokens', { name: 'after proof' }).expect(201);
        await as(login).post('/auth/mfa/totp/setup').expect(200);
      });
    });

    it('lets a fresh login create credentials at once, and ends the proof after the window', async () => {
      const { login } = await member();
      await as(login).post('/auth/tokens', { name: 'fresh' }).expect(201);
      await as(login).post('/account/delete').expect(201);
      await later(WINDOW + 1, async () => {
        expect((await as(login).post('/account/delete')).body).toEqual(REAUTH_REQUIRED(WINDOW));
        // The token itself is still good for everything else.
        await as(login).get('/auth/me').expect(200);
      });
    });

    it('keeps @RequireRecentLogin(seconds) as the same check with its own window', async () => {
      const { login } = await member();
      await as(login).post('/account/export').expect(201);
      await later(301, async () => {
        expect((await as(login).post('/account/export')).body).toEqual(REAUTH_REQUIRED(300));
        await as(login).post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
        await as(login).post('/account/export').expect(201);
      });
    });

    it('refuses a wrong password with a 400 naming it, counted as a failed login: 429 past the limit', async () => {
      const { login } = await member();
      const wrong = await json<FieldErrorsBody>(
        as(login).post('/auth/reauthenticate', { password: 'not the password' }),
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual({ password: ['The current password is wrong.'] });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i += 1)
        statuses.push((await as(login).post('/auth/reauthenticate', { password: `guess ${i}` })).status);
      expect(statuses).toEqual([...Array<number>(9).fill(400), 429]);
      const blocked = await as(login).post('/auth/reauthenticate', { password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      const missing = await json<FieldErrorsBody>(as(login).post('/auth/reauthenticate', {}));
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors)).toEqual(['password']);
    });

    it('takes a TOTP code from a user with the second factor on, and refuses a wrong one naming code', async () => {
      const { login } = await member();
      const { secret } = (await json<TotpSetup>(as(login).post('/auth/mfa/totp/setup').expect(200))).body;
      await as(login)
        .post('/auth/mfa/totp/enable', { code: totp(secret, host.clock.now()) })
        .expect(200);
      await later(WINDOW + 1, async () => {
        const wrong = await json<FieldErrorsBody>(as(login).post('/auth/reauthenticate', { code: '000000' }));
        expect(wrong.status).toBe(400);
        expect(Object.keys(wrong.body.errors)).toEqual(['code']);
        await as(login)
          .post('/auth/reauthenticate', { code: totp(secret, host.clock.now()) })
          .expect(204);
        await as(login).post('/auth/tokens', { name: 'after code' }).expect(201);
      });
    });

    it('never lets an API token re-authenticate or reach a re-authentication route', async () => {
      const { login } = await member();
      const api = await apiToken(login, { name: 'script', scopes: ['orders:read'] });
      await as(api).post('/auth/reauthenticate', { password: PASSWORD }).expect(403);
      await as(api).post('/account/delete').expect(403);
    });

    it('gives API tokens only the routes that name their scopes, /auth/me, logout and @AllowApiTokens() routes', async () => {
      const { login } = await member();
      const api = await apiToken(login, { name: 'reader', scopes: ['orders:read'] });
      const refused = await as(api).get('/api/hello');
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'API tokens reach only routes that name the scopes they need: use a login token here.',
      });
      await as(api).post('/api/hello').expect(403);
      await as(api).get('/account/orders').expect(200);
      await as(api).get('/account/status').expect(200);
      await as(api).get('/auth/me').expect(200);
      await as(login).get('/api/hello').expect(200);
      await as(api).post('/auth/logout').expect(204);
    });

    it('answers TokenService.authenticate() with login tokens only, unless API tokens are asked for', async () => {
      const { login } = await member();
      const api = await apiToken(login, { name: 'socket' });
      const tokens = host.app.get(TokenService);
      expect(await tokens.authenticate(api)).toBeNull();
      expect((await tokens.authenticate(api, { apiTokens: true }))?.token.kind).toBe('api');
      expect((await tokens.authenticate(login))?.token.kind).toBe('login');
    });

    it('holds the API-token cap under parallel requests', async () => {
      const { login } = await member();
      const statuses = (
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => as(login).post('/auth/tokens', { name: `parallel ${i}` })),
        )
      ).map((r) => r.status);
      expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
      expect((await json<ApiToken[]>(as(login).get('/auth/tokens').expect(200))).body.length).toBeLessThanOrEqual(5);
      // Sequentially it fills up to the cap exactly.
      while ((await json<ApiToken[]>(as(login).get('/auth/tokens'))).body.length < 5) {
        await as(login).post('/auth/tokens', { name: 'one more' }).expect(201);
      }
      await as(login).post('/auth/tokens', { name: 'too many' }).expect(409);
    });

    it('decides second-factor changes on the stored user: a deactivated user gets 401 even while its token is cached', async () => {
      const cached = await startLibraryHost(db, {
        options: { tokens: { cacheTtl: 60 }, mfa: { encryptionKey: MFA_KEY } },
      });
      try {
        const user = await cached.createUser({ username: 'cached', password: PASSWORD });
        const login = await cached.login('cached', PASSWORD);
        const post = (path: string) => cached.http().post(path).set('Authorization', `Bearer ${login}`);
        await cached.http().get('/auth/me').set('Authorization', `Bearer ${login}`).expect(200);
        await cached.query('UPDATE users SET "isActive" = $1 WHERE id = $2', [db === 'postgres' ? false : 0, user.id]);
        await post('/auth/mfa/totp/setup').expect(401);
        expect(await cached.query('SELECT id FROM auth_mfa')).toEqual([]);
      } finally {
        await cached.close();
      }
    });

    it('reaches a cached token at once: a re-authentication is seen by the next request', async () => {
      const cached = await startLibraryHost(db, {
        options: { tokens: { cacheTtl: 3600 }, apiTokens: { enabled: true }, reauthentication: { window: WINDOW } },
      });
      try {
        await cached.createUser({ username: 'cachedproof', password: PASSWORD });
        const login = await cached.login('cachedproof', PASSWORD);
        const post = (path: string, body: object) =>
          cached.http().post(path).set('Authorization', `Bearer ${login}`).send(body);
        cached.clock.advance(WINDOW + 1);
        await post('/auth/tokens', { name: 'x' }).expect(403);
        await post('/auth/reauthenticate', { password: PASSWORD }).expect(204);
        await post('/auth/tokens', { name: 'x' }).expect(201);
      } finally {
        await cached.close();
      }
    });
  },
);

describe.each(TEST_DATABASES)('API tokens are opt-in (%s)', (db) => {
  it('mounts no token routes and authenticates no API token on a host that did not turn them on', async () => {
    const host = await startLibraryHost(db);
    try {
      await host.createUser({ username: 'plain', password: PASSWORD });
      const login = await host.login('plain', PASSWORD);
      await host.http().post('/auth/tokens').set('Authorization', `Bearer ${login}`).send({ name: 'x' }).expect(404);
      await host.http().get('/auth/tokens').set('Authorization', `Bearer ${login}`).expect(404);
      // Even a row made through the service (an old one, or a host's own code) never opens a route.
      const user = (await host.app.get(UserStore).findByLogin('plain')) as object;
      const { token } = await host.app.get(ApiTokenService).create(user, { name: 'made by hand' });
      await host.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    } finally {
      await host.close();
    }
  });
});

describe('@RequireScopes() naming an undeclared scope', () => {
  @Controller('typo')
  class TypoController {
    @Get()
    @UseGuards(AuthTokenGuard)
    @RequireScopes('orders:raed')
    read() {
      return {};
    }
  }
  @Module({ controllers: [TypoController] })
  class TypoModule {}

  it('stops start-up naming the route and the scope', async () => {
    const start = startLibraryHost('sqlite', {
      imports: [{ module: TypoModule }],
      options: { isGlobal: true, scopes: { 'orders:read': 'Read orders' } },
    });
    await expect(start).rejects.toThrow(AuthTokenConfigError);
    await expect(start).rejects.toThrow('"orders:raed", which @RequireScopes() on TypoController.read needs');
  });
});
