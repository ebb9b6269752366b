import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { json, type CreatedApiToken } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { freePort } from './fixtures/free-port.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { HelloRpcController } from './fixtures/live-host/hello.rpc-controller.js';

const PASSWORD = 'violet staple battery';

describe.each(TEST_DATABASES)("microservice handlers over Nest's TCP transport (%s)", (kind) => {
  let app: LibraryTestApp;
  let client: ClientProxy;
  let counter = 0;

  beforeAll(async () => {
    const port = await freePort();
    app = await startLibraryHost(kind, {
      options: { scopes: HELLO_SCOPES, apiTokens: { enabled: true } },
      controllers: [HelloRpcController],
      beforeListen: async (nest) => {
        nest.connectMicroservice({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
        await nest.startAllMicroservices();
      },
    });
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  async function user(): Promise<{ username: string; token: string }> {
    counter += 1;
    const username = `rpc${counter}`;
    await app.createUser({ username, password: PASSWORD });
    return { username, token: await app.login(username, PASSWORD) };
  }
  const send = (pattern: string, payload: object) => firstValueFrom(client.send<unknown>(pattern, payload));

  it('answers a message whose authorization field holds a valid token', async () => {
    const { username, token } = await user();
    await expect(send('hello', { authorization: `Token ${token}` })).resolves.toEqual({
      message: `Hello ${username}!`,
    });
    await expect(send('whoami', { authorization: `Bearer ${token}` })).resolves.toEqual({ username });
  });

  it('refuses a missing, malformed or revoked token with an error the client receives', async () => {
    const { token } = await user();
    await app.http().delete('/auth/logout').set('Authorization', `Token ${token}`).expect(204);
    for (const payload of [{}, { authorization: 'Token nonsense' }, { authorization: `Token ${token}` }]) {
      const refusal = await send('hello', payload).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toMatchObject({ status: 'error', error: 'unauthorized', statusCode: 401 });
      expect(JSON.stringify(refusal)).not.toContain(token);
    }
  });

  it('applies scopes and least privilege to API tokens', async () => {
    const { username, token } = await user();
    const created = await json<CreatedApiToken>(
      app
        .http()
        .post('/auth/tokens')
        .set('Authorization', `Token ${token}`)
        .send({ name: 'worker', scopes: ['hello:read'] })
        .expect(201),
    );
    const apiToken = created.body.token;
    await expect(send('hello', { authorization: `Token ${apiToken}` })).resolves.toEqual({
      message: `Hello ${username}!`,
    });
    await expect(send('whoami', { authorization: `Token ${apiToken}` })).rejects.toMatchObject({
      error: 'insufficient_scope',
      statusCode: 403,
    });
  });
});
