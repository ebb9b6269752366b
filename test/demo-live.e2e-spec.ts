import type { Socket } from 'socket.io-client';
import { json, type CreatedApiToken } from './fixtures/answers.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { until } from './fixtures/eventually.js';
import { ask, connectSocket, subscribe, type SubscriptionProbe } from './fixtures/live-clients.js';
import { TEST_MATRIX } from './fixtures/platforms.js';

const PASSWORD = 'violet staple battery';

interface GraphqlAnswer {
  data: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string } }[];
}
interface IntrospectedType {
  name: string;
  fields: { name: string; type: { kind: string; name: string | null; ofType: { name: string } | null } }[];
}

describe.each(TEST_MATRIX)("the demo's GraphQL API and Socket.IO server (%s, HTTP_ADAPTER=%s)", (kind, platform) => {
  let app: DemoTestApp;
  let counter = 0;
  const sockets: Socket[] = [];
  const probes: SubscriptionProbe[] = [];

  beforeAll(async () => {
    app = await startDemoApp(kind, { platform });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const probe of probes.splice(0)) await probe.dispose();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function user(): Promise<{ id: number; username: string; token: string }> {
    counter += 1;
    const username = `live${counter}`;
    const { id } = await app.createUser({ username, password: PASSWORD });
    return { id, username, token: await app.login(username, PASSWORD) };
  }
  async function apiToken(token: string, scopes: string[]): Promise<string> {
    const created = await json<CreatedApiToken>(
      app
        .http()
        .post('/auth/tokens')
        .set('Authorization', `Token ${token}`)
        .send({ name: 'script', scopes })
        .expect(201),
    );
    return created.body.token;
  }
  const graphql = (query: string, authorization?: string) => {
    const request = app.http().post('/graphql').send({ query });
    return json<GraphqlAnswer>(authorization === undefined ? request : request.set('Authorization', authorization));
  };
  async function connect(options: Parameters<typeof connectSocket>[1]): Promise<Socket> {
    const socket = await connectSocket(app.baseUrl, options);
    sockets.push(socket);
    return socket;
  }

  it('serves the schema of the contract', async () => {
    const answer = await graphql('{ __schema { types { name fields { name type { kind name ofType { name } } } } } }');
    const types = (answer.body.data as { __schema: { types: IntrospectedType[] } }).__schema.types;
    const shape = (name: string) =>
      Object.fromEntries(
        (types.find((type) => type.name === name)?.fields ?? []).map(({ name: field, type }) => [
          field,
          type.kind === 'NON_NULL' ? `${type.ofType?.name}!` : type.name,
        ]),
      );
    expect(shape('User')).toEqual({ id: 'ID!', username: 'String!', email: 'String' });
    expect(shape('Query')).toEqual({ me: 'User!', hello: 'String!', publicHello: 'String!' });
    expect(shape('Mutation')).toEqual({ postHello: 'String!' });
    expect(shape('Subscription')).toEqual({ helloTicks: 'String!' });
  });

  it('answers the queries and the mutation as the HTTP greetings do', async () => {
    const { id, username, token } = await user();
    const answer = await graphql('{ me { id username email } hello publicHello }', `Token ${token}`);
    expect(answer.body).toEqual({
      data: {
        me: { id: String(id), username, email: null },
        hello: `Hello ${username}!`,
        publicHello: 'Hello anonymous!',
      },
    });
    expect((await graphql('mutation { postHello }', `Bearer ${token}`)).body).toEqual({
      data: { postHello: `Hello ${username}! Posted!` },
    });
  });

  it('answers UNAUTHENTICATED without a valid token and FORBIDDEN without the scope, HTTP 200', async () => {
    const { username, token } = await user();
    for (const authorization of [undefined, 'Token nonsense']) {
      const answer = await graphql('{ me { username } }', authorization);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'unauthorized' });
    }
    const reader = await apiToken(token, ['hello:read']);
    expect((await graphql('{ me { username } hello }', `Token ${reader}`)).body).toEqual({
      data: { me: { username }, hello: `Hello ${username}!` },
    });
    const refused = await graphql('mutation { postHello }', `Token ${reader}`);
    expect(refused.status).toBe(200);
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.text).not.toContain(reader);
    expect((await graphql('{ publicHello }', 'Token nonsense')).body).toEqual({
      data: { publicHello: 'Hello anonymous!' },
    });
  });

  it('sends helloTicks every second, and closes the subscription with 4401 when the token is revoked', async () => {
    const { username, token } = await user();
    const refused = subscribe(app.baseUrl, {}, 'subscription { helloTicks }');
    probes.push(refused);
    const probe = subscribe(app.baseUrl, { authorization: `Token ${token}` }, 'subscription { helloTicks }');
    probes.push(probe);
    await until(() => probe.values.length >= 2, 'two ticks');
    expect(probe.values.slice(0, 2)).toEqual([
      { helloTicks: `Hello ${username}! 1` },
      { helloTicks: `Hello ${username}! 2` },
    ]);
    expect(refused.closed?.code).toBe(4401);
    await app.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
    await until(() => probe.closed !== undefined, 'the subscription closes');
    expect(probe.closed?.code).toBe(4401);
  });

  it('greets over Socket.IO, refuses a handshake without a token, and checks the scope of hello', async () => {
    const { username, token } = await user();
    await expect(connect({})).rejects.toMatchObject({ message: 'Unauthorized' });
    const socket = await connect({ auth: { token } });
    expect(await ask(socket, 'hello')).toEqual({ message: `Hello ${username}!` });
    const byHeader = await connect({ extraHeaders: { Authorization: `Bearer ${token}` } });
    expect(await ask(byHeader, 'hello')).toEqual({ message: `Hello ${username}!` });
    const writer = await connect({ auth: { token: await apiToken(token, ['hello:write']) } });
    expect(await ask(writer, 'hello')).toEqual({ error: 'insufficient_scope' });
  });

  it('disconnects the socket when its session is logged out', async () => {
    const { token } = await user();
    const socket = await connect({ auth: { token } });
    await app.http().delete('/auth/sessions').set('Authorization', `Token ${token}`).expect(204);
    await until(() => socket.disconnected, 'the socket is disconnected');
  });

  it("serves Socket.IO's client to the page", async () => {
    const answer = await app.http().get('/socket.io/socket.io.min.js').expect(200);
    expect(answer.headers['content-type']).toContain('javascript');
  });
});
