import { LISTENER_APPLICATION_NAME } from 'nestjs-auth-token/testing';
import type { Socket } from 'socket.io-client';
import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';
import { until } from './fixtures/eventually.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { ask, connectSocket, subscribe, type SubscriptionProbe } from './fixtures/live-clients.js';
import { graphqlModule } from './fixtures/live-host/graphql-module.js';
import { HelloGateway } from './fixtures/live-host/hello.gateway.js';
import { HelloResolver } from './fixtures/live-host/hello.resolver.js';

const PASSWORD = 'violet staple battery';
/** A generous cap for a loaded machine; the contract's bound is 1 s, and the measured delays are printed. */
const CAP_MS = 5_000;

describe('live connections on two instances sharing one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: LibraryTestApp;
  let b: LibraryTestApp;
  let counter = 0;
  const sockets: Socket[] = [];
  const probes: SubscriptionProbe[] = [];
  const delays: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const host = {
      database,
      options: { isGlobal: true, scopes: HELLO_SCOPES, apiTokens: { enabled: true } },
      imports: [graphqlModule()],
      providers: [HelloResolver, HelloGateway],
    };
    a = await startLibraryHost('postgres', host);
    b = await startLibraryHost('postgres', host);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const probe of probes.splice(0)) await probe.dispose();
  });
  afterAll(async () => {
    for (const app of [a, b]) await app?.close();
    await database?.drop();
    if (delays.length > 0) console.log(`Disconnect after a revocation on the other instance: ${delays.join(', ')}`);
  });

  async function user(): Promise<{ username: string; token: string }> {
    counter += 1;
    const username = `spread${counter}`;
    await a.createUser({ username, password: PASSWORD });
    return { username, token: await a.login(username, PASSWORD) };
  }
  const listeners = async () => {
    const [{ count }] = await a.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [LISTENER_APPLICATION_NAME],
    );
    return Number(count);
  };

  it('listens on no connection while no socket is open and the token cache is off', async () => {
    expect(await listeners()).toBe(0);
  });

  it('disconnects a socket on B when its token is revoked on A', async () => {
    const { username, token } = await user();
    const socket = await connectSocket(b.baseUrl, { auth: { token } });
    sockets.push(socket);
    expect(await ask(socket, 'hello')).toEqual({ message: `Hello ${username}!` });
    await until(async () => (await listeners()) === 1, 'B listens', CAP_MS);
    const revoked = Date.now();
    await a.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
    await until(() => socket.disconnected, 'the socket on B is disconnected', CAP_MS);
    delays.push(`Socket.IO ${Date.now() - revoked} ms`);
  });

  it('closes a subscription on B with 4401 when its user logs out everywhere on A', async () => {
    const { token } = await user();
    const probe = subscribe(b.baseUrl, { authorization: `Bearer ${token}` }, 'subscription { helloTicks }');
    probes.push(probe);
    await until(() => probe.values.length >= 1, 'a tick', CAP_MS);
    const revoked = Date.now();
    await a.http().delete('/auth/sessions').set('Authorization', `Token ${token}`).expect(204);
    await until(() => probe.closed !== undefined, 'the subscription on B closes', CAP_MS);
    delays.push(`graphql-ws ${Date.now() - revoked} ms`);
    expect(probe.closed?.code).toBe(4401);
  });
});
