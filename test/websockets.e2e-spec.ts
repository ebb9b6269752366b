import { LiveConnections } from 'nestjs-auth-token';
import type { Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { json, type CreatedApiToken, type Session } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { until } from './fixtures/eventually.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { ask, connectSocket } from './fixtures/live-clients.js';
import { HelloGateway } from './fixtures/live-host/hello.gateway.js';
import { WsAdapter } from '@nestjs/platform-ws';

const PASSWORD = 'violet staple battery';
const NEW_PASSWORD = 'a different long passphrase';

/** Users and their tokens on one test host. */
function accounts(app: () => LibraryTestApp, prefix: string) {
  let counter = 0;
  return {
    user: async (): Promise<{ username: string; token: string }> => {
      counter += 1;
      const username = `${prefix}${counter}`;
      await app().createUser({ username, password: PASSWORD });
      return { username, token: await app().login(username, PASSWORD) };
    },
    apiToken: async (token: string, scopes: string[], expiresIn?: number): Promise<CreatedApiToken> => {
      const answer = await json<CreatedApiToken>(
        app()
          .http()
          .post('/auth/tokens')
          .set('Authorization', `Token ${token}`)
          .send({ name: 'script', scopes, expiresIn })
          .expect(201),
      );
      return answer.body;
    },
  };
}

describe.each(TEST_DATABASES)('Socket.IO gateways (%s)', (kind) => {
  let app: LibraryTestApp;
  const sockets: Socket[] = [];
  const { user, apiToken } = accounts(() => app, 'socket');

  beforeAll(async () => {
    app = await startLibraryHost(kind, {
      // Short-lived login tokens, so that a spec sees one expire.
      options: { isGlobal: true, scopes: HELLO_SCOPES, apiTokens: { enabled: true }, tokens: { ttl: 3 } },
      providers: [HelloGateway],
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function connect(options: Parameters<typeof connectSocket>[1]): Promise<Socket> {
    const socket = await connectSocket(app.baseUrl, options);
    sockets.push(socket);
    return socket;
  }
  const disconnected = (socket: Socket) => until(() => socket.disconnected, 'the socket is disconnected', 3_000);

  it('refuses a handshake without a valid token: connect_error "Unauthorized", never connected', async () => {
    const { token } = await user();
    for (const options of [
      {},
      { auth: { token: 'nonsense' } },
      { auth: { token: `${token}x` } },
      { extraHeaders: { Authorization: 'Token nonsense' } },
    ]) {
      await expect(connect(options)).rejects.toMatchObject({ message: 'Unauthorized' });
    }
  });

  it('takes the token from auth.token or the Authorization header, and puts the user on the socket', async () => {
    const { username, token } = await user();
    for (const options of [
      { auth: { token } },
      { extraHeaders: { Authorization: `Bearer ${token}` } },
      { extraHeaders: { Authorization: `Token ${token}` } },
    ]) {
      const socket = await connect(options);
      expect(await ask(socket, 'hello')).toEqual({ message: `Hello ${username}!` });
      expect(await ask(socket, 'whoami')).toEqual({ username, kind: 'login' });
      expect(await ask(socket, 'unguarded')).toEqual({ username });
    }
  });

  it('applies scopes to messages: insufficient_scope in the acknowledgement', async () => {
    const { username, token } = await user();
    const writer = await apiToken(token, ['hello:write']);
    const socket = await connect({ auth: { token: writer.token } });
    const exceptions: unknown[] = [];
    socket.on('exception', (exception) => exceptions.push(exception));
    expect(await ask(socket, 'hello')).toEqual({ error: 'insufficient_scope' });
    expect(await ask(socket, 'whoami')).toEqual({ error: 'insufficient_scope' });
    await until(() => exceptions.length === 2, 'the exception events');
    expect(exceptions[0]).toMatchObject({ status: 'error', error: 'insufficient_scope' });
    const reader = await apiToken(token, ['hello:read']);
    const allowed = await connect({ auth: { token: reader.token } });
    expect(await ask(allowed, 'hello')).toEqual({ message: `Hello ${username}!` });
  });

  it.each<[string, (app: LibraryTestApp, username: string, token: string) => Promise<unknown>]>([
    ['logout', (app, _username, token) => app.http().delete('/auth/logout').set('Authorization', `Token ${token}`)],
    [
      'log out everywhere',
      (app, _username, token) => app.http().delete('/auth/sessions').set('Authorization', `Token ${token}`),
    ],
    [
      // From another session: a password change revokes the user's other tokens.
      'a password change',
      async (app, username) =>
        app
          .http()
          .post('/auth/password/change')
          .set('Authorization', `Token ${await app.login(username, PASSWORD)}`)
          .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ],
  ])('disconnects the socket when its token is revoked by %s', async (_name, revoke) => {
    const { username, token } = await user();
    const socket = await connect({ auth: { token } });
    expect(await revoke(app, username, token)).toMatchObject({ status: 204 });
    await disconnected(socket);
  });

  it('disconnects the socket when its session is revoked from another session', async () => {
    const { username, token } = await user();
    const socket = await connect({ auth: { token } });
    const other = await app.login(username, PASSWORD);
    const sessions = await json<Session[]>(app.http().get('/auth/sessions').set('Authorization', `Token ${other}`));
    const target = sessions.body.find((session) => !session.current);
    await app.http().delete(`/auth/sessions/${target?.id}`).set('Authorization', `Token ${other}`).expect(204);
    await disconnected(socket);
    const survivor = await connect({ auth: { token: other } });
    expect(await ask(survivor, 'hello')).toEqual({ message: `Hello ${username}!` });
  });

  it('keeps the sockets of other tokens, and of API tokens on log out everywhere', async () => {
    const { token } = await user();
    const reader = await apiToken(token, ['hello:read']);
    const login = await connect({ auth: { token } });
    const script = await connect({ auth: { token: reader.token } });
    await app.http().delete('/auth/sessions').set('Authorization', `Token ${token}`).expect(204);
    await disconnected(login);
    // The API token's socket was checked again on the notice, and kept.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(script.connected).toBe(true);
    expect(await ask(script, 'hello')).toMatchObject({ message: expect.any(String) as string });
  });

  it('disconnects the socket when its token expires, and keeps it while HTTP use slides the expiry', async () => {
    const { token } = await user();
    const socket = await connect({ auth: { token } });
    const idle = await connect({ auth: { token: await app.login((await user()).username, PASSWORD) } });
    // Used over HTTP before its first expiry: the token slides, the socket stays.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await app.http().get('/api/hello').set('Authorization', `Token ${token}`).expect(200);
    await until(() => idle.disconnected, 'the idle socket is disconnected at its expiry', 4_000);
    expect(socket.connected).toBe(true);
    await until(() => socket.disconnected, 'the socket is disconnected at its slid expiry', 5_000);
  });

  it('forgets closed sockets', async () => {
    const { token } = await user();
    const live = app.app.get(LiveConnections);
    const before = live.size;
    const socket = await connect({ auth: { token } });
    expect(live.size).toBe(before + 1);
    socket.close();
    await until(() => live.size === before, 'the connection is forgotten');
  });
});

describe.each(TEST_DATABASES)('ws gateways (%s)', (kind) => {
  let app: LibraryTestApp;
  const { user, apiToken } = accounts(() => app, 'ws');
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    app = await startLibraryHost(kind, {
      options: { isGlobal: true, scopes: HELLO_SCOPES, apiTokens: { enabled: true } },
      providers: [HelloGateway],
      beforeListen: (nest) => void nest.useWebSocketAdapter(new WsAdapter(nest)),
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.terminate();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Opens a ws connection; resolves to it once open, or rejects with the HTTP status of a refused upgrade. */
  function open(headers: Record<string, string> = {}): Promise<WebSocket> {
    const client = new WebSocket(`${app.baseUrl.replace(/^http/, 'ws')}/`, { headers });
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('open', () => resolve(client));
      client.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      client.once('error', reject);
    });
  }
  function send(client: WebSocket, event: string): Promise<unknown> {
    return new Promise((resolve) => {
      client.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      client.send(JSON.stringify({ event, data: {} }));
    });
  }

  it('refuses an upgrade without a valid token with 401', async () => {
    await expect(open()).rejects.toThrow('HTTP 401');
    await expect(open({ Authorization: 'Token nonsense' })).rejects.toThrow('HTTP 401');
  });

  it('guards messages with the user of the handshake, and applies scopes', async () => {
    const { username, token } = await user();
    const client = await open({ Authorization: `Token ${token}` });
    expect(await send(client, 'hello')).toEqual({ message: `Hello ${username}!` });
    expect(await send(client, 'unguarded')).toEqual({ username });
    const writer = await apiToken(token, ['hello:write']);
    const scripted = await open({ Authorization: `Bearer ${writer.token}` });
    expect(await send(scripted, 'hello')).toEqual({
      event: 'exception',
      data: expect.objectContaining({ status: 'error', error: 'insufficient_scope' }) as object,
    });
  });

  it('closes the connection with 4401 when its token is revoked', async () => {
    const { token } = await user();
    const client = await open({ Authorization: `Token ${token}` });
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    await app.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
    expect(await closed).toBe(4401);
  });
});
