import { TokenService } from 'nestjs-auth-token';
import { json, type CreatedApiToken } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { until } from './fixtures/eventually.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { subscribe, type SubscriptionProbe } from './fixtures/live-clients.js';
import { graphqlModule } from './fixtures/live-host/graphql-module.js';
import { HelloResolver } from './fixtures/live-host/hello.resolver.js';
import { spyOnTokenLookups } from './fixtures/lookup-spy.js';
import { forgottenToken } from './fixtures/tokens.js';

const PASSWORD = 'violet staple battery';

interface GraphqlError {
  message: string;
  path?: string[];
  extensions: { code: string; reason?: string };
}
interface GraphqlAnswer {
  data: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

describe.each(TEST_DATABASES)('GraphQL resolvers and subscriptions (%s)', (kind) => {
  let app: LibraryTestApp;
  let counter = 0;
  const probes: SubscriptionProbe[] = [];

  beforeAll(async () => {
    app = await startLibraryHost(kind, {
      options: { isGlobal: true, scopes: HELLO_SCOPES, apiTokens: { enabled: true } },
      imports: [graphqlModule()],
      providers: [HelloResolver],
    });
  });
  afterEach(async () => {
    for (const probe of probes.splice(0)) await probe.dispose();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function user(): Promise<{ username: string; token: string }> {
    counter += 1;
    const username = `graphql${counter}`;
    await app.createUser({ username, password: PASSWORD });
    return { username, token: await app.login(username, PASSWORD) };
  }
  async function apiToken(token: string, scopes: string[]): Promise<CreatedApiToken> {
    const created = await json<CreatedApiToken>(
      app
        .http()
        .post('/auth/tokens')
        .set('Authorization', `Token ${token}`)
        .send({ name: 'script', scopes })
        .expect(201),
    );
    return created.body;
  }
  const ask = (query: string, authorization?: string) => {
    const request = app.http().post('/graphql').send({ query });
    return json<GraphqlAnswer>(authorization === undefined ? request : request.set('Authorization', authorization));
  };
  const watch = (connectionParams: Record<string, unknown>, query = 'subscription { helloTicks }') => {
    const probe = subscribe(app.baseUrl, connectionParams, query);
    probes.push(probe);
    return probe;
  };

  describe('over HTTP', () => {
    it('answers a guarded query for a login token, with Token or Bearer', async () => {
      const { username, token } = await user();
      for (const scheme of ['Token', 'Bearer']) {
        const answer = await ask('{ me { username email } hello }', `${scheme} ${token}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ data: { me: { username, email: null }, hello: `Hello ${username}!` } });
      }
      const posted = await ask('mutation { postHello }', `Token ${token}`);
      expect(posted.body).toEqual({ data: { postHello: `Hello ${username}! Posted!` } });
    });

    it('refuses a missing, malformed, unknown or revoked token: HTTP 200, data null, UNAUTHENTICATED, no token', async () => {
      const { token } = await user();
      const [{ id }] = await app.query<{ id: string }>('SELECT id FROM auth_token ORDER BY "createdAt" DESC LIMIT 1');
      const unknown = await forgottenToken(app.app, (await app.query('SELECT * FROM users LIMIT 1'))[0]);
      const revoked = await app.login((await user()).username, PASSWORD);
      await app.http().delete('/auth/logout').set('Authorization', `Token ${revoked}`).expect(204);
      for (const authorization of [undefined, 'Token', 'Token not-a-token', `Token ${unknown}`, `Bearer ${revoked}`]) {
        const answer = await ask('{ me { username } }', authorization);
        expect(answer.status).toBe(200);
        expect(answer.body.data).toBeNull();
        expect(answer.body.errors?.[0]).toMatchObject({ path: ['me'], extensions: { code: 'UNAUTHENTICATED' } });
        for (const secret of [token, unknown, revoked, id]) expect(answer.text).not.toContain(secret);
      }
    });

    it('answers FORBIDDEN to an API token without the scope, and on a field that names none', async () => {
      const { username, token } = await user();
      const reader = await apiToken(token, ['hello:read']);
      expect((await ask('{ hello }', `Bearer ${reader.token}`)).body).toEqual({
        data: { hello: `Hello ${username}!` },
      });
      expect((await ask('{ me { username } }', `Bearer ${reader.token}`)).body).toEqual({ data: { me: { username } } });
      for (const query of ['mutation { postHello }', '{ whoami }']) {
        const answer = await ask(query, `Bearer ${reader.token}`);
        expect(answer.status).toBe(200);
        expect(answer.body.data).toBeNull();
        expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'insufficient_scope' });
        expect(answer.text).not.toContain(reader.token);
      }
    });

    it('lets anyone through a public field, whatever token it carries, and reads a token on an optional one', async () => {
      const { username, token } = await user();
      for (const authorization of [undefined, 'Token nonsense', `Token ${token}`]) {
        const answer = await ask('{ publicHello publicGuarded }', authorization);
        expect(answer.body).toEqual({ data: { publicHello: 'Hello anonymous!', publicGuarded: 'Hello anonymous!' } });
      }
      expect((await ask('{ greeting }')).body).toEqual({ data: { greeting: 'Hello anonymous!' } });
      expect((await ask('{ greeting }', `Token ${token}`)).body).toEqual({ data: { greeting: `Hello ${username}!` } });
      const invalid = await ask('{ greeting }', 'Token nonsense');
      expect(invalid.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('gives the token to @CurrentToken() and applies @RequireReauthentication()', async () => {
      const { username, token } = await user();
      const id = (await app.app.get(TokenService).authenticate(token))?.token.id;
      expect((await ask('{ tokenId sudo }', `Token ${token}`)).body).toEqual({
        data: { tokenId: id, sudo: `Sudo ${username}` },
      });
      app.clock.advance(61);
      const stale = await ask('{ sudo }', `Token ${token}`);
      expect(stale.body.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'reauthentication_required',
      });
    });

    it('checks the token once per request, however many guarded fields it asks for', async () => {
      const { token } = await user();
      await ask('{ hello }', `Token ${token}`);
      const lookups = spyOnTokenLookups(app.dataSource, kind);
      try {
        const answer = await ask('{ hello me { username } tokenId whoami }', `Token ${token}`);
        expect(answer.body.errors).toBeUndefined();
        expect(lookups).toHaveBeenCalledTimes(1);
      } finally {
        lookups.mockRestore();
      }
    });
  });

  describe('subscriptions over graphql-ws', () => {
    it('closes a connection without a valid token with 4401', async () => {
      const { token } = await user();
      for (const params of [{}, { authorization: 'Token nonsense' }, { authorization: `Basic ${token}` }]) {
        const probe = watch(params);
        await until(() => probe.closed !== undefined, 'the connection closes');
        expect(probe.closed?.code).toBe(4401);
        expect(probe.values).toEqual([]);
      }
    });

    it('sends ticks to a valid token (Token, Bearer, or bare)', async () => {
      const { username, token } = await user();
      for (const authorization of [`Token ${token}`, `Bearer ${token}`, token]) {
        const probe = watch({ authorization });
        await until(() => probe.values.length >= 2, 'two ticks');
        expect(probe.values.slice(0, 2)).toEqual([
          { helloTicks: `Hello ${username}! 1` },
          { helloTicks: `Hello ${username}! 2` },
        ]);
      }
    });

    it('answers a subscription the token has no scope for with FORBIDDEN', async () => {
      const { token } = await user();
      const writer = await apiToken(token, ['hello:write']);
      const probe = watch({ authorization: `Token ${writer.token}` });
      await until(() => probe.errors.length > 0, 'an error');
      expect(probe.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(probe.values).toEqual([]);
    });

    it.each([
      [
        'logout',
        (app: LibraryTestApp, token: string) =>
          app.http().delete('/auth/logout').set('Authorization', `Token ${token}`),
      ],
      [
        'log out everywhere',
        (app: LibraryTestApp, token: string) =>
          app.http().delete('/auth/sessions').set('Authorization', `Token ${token}`),
      ],
    ])('closes the connection with 4401 when its token is revoked by %s', async (_name, revoke) => {
      const { token } = await user();
      const probe = watch({ authorization: `Token ${token}` });
      await until(() => probe.values.length >= 1, 'a tick');
      await revoke(app, token).expect(204);
      await until(() => probe.closed !== undefined, 'the connection closes', 3_000);
      expect(probe.closed?.code).toBe(4401);
    });

    it('closes the connection of an API token when it is revoked', async () => {
      const { token } = await user();
      const reader = await apiToken(token, ['hello:read']);
      const probe = watch({ authorization: `Bearer ${reader.token}` });
      await until(() => probe.values.length >= 1, 'a tick');
      await app.http().delete(`/auth/tokens/${reader.id}`).set('Authorization', `Token ${token}`).expect(204);
      await until(() => probe.closed !== undefined, 'the connection closes', 3_000);
      expect(probe.closed?.code).toBe(4401);
    });
  });
});
