import { json, type LoginResponse, type Session } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const PASSWORD = 'violet staple battery';

describe.each(TEST_MATRIX)('sessions: list, revoke one, log out everywhere (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let counter = 0;

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform });
  });
  afterAll(() => host.close());

  async function newUser(): Promise<string> {
    counter += 1;
    const username = `sessions${counter}`;
    await host.createUser({ username, password: PASSWORD });
    return username;
  }
  const loginFrom = async (username: string, userAgent: string) => {
    const login = host.http().post('/auth/login').set('User-Agent', userAgent).send({ username, password: PASSWORD });
    return (await json<LoginResponse>(login.expect(200))).body.token;
  };
  const auth = (token: string) => ({ Authorization: `Token ${token}` });
  const sessions = (token: string) => json<Session[]>(host.http().get('/auth/sessions').set(auth(token)));

  it('names the device of a browser login in words', async () => {
    const username = await newUser();
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
    const token = await loginFrom(username, chrome);
    expect((await sessions(token)).body.map((s) => s.device)).toEqual(['Chrome 138 on Linux']);
  });

  it('lists the live tokens of the user, marking the current one, never showing a secret', async () => {
    const username = await newUser();
    const phone = await loginFrom(username, 'Phone/1.0');
    const laptop = await loginFrom(username, 'Laptop/2.0');
    const response = await sessions(laptop);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toHaveLength(2);
    for (const session of response.body) {
      expect(Object.keys(session).sort()).toEqual([
        'createdAt',
        'current',
        'device',
        'expiresAt',
        'id',
        'ip',
        'lastUsedAt',
        'userAgent',
      ]);
      expect(session.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    }
    expect(response.body.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ['Laptop/2.0', true],
      ['Phone/1.0', false],
    ]);
    expect(response.body.map((s) => s.device).sort()).toEqual([
      'Laptop 2.0 on an unknown system',
      'Phone 1.0 on an unknown system',
    ]);
    expect(response.text).not.toContain(phone);
    expect(response.text).not.toContain(laptop);
    const digests = await host.query<{ digest: string }>('SELECT digest FROM auth_token');
    for (const { digest } of digests) expect(response.text).not.toContain(digest);
  });

  it('shows only the user’s own sessions, and no expired ones', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const aliceToken = await loginFrom(alice, 'A');
    await loginFrom(bob, 'B');
    expect((await sessions(aliceToken)).body.map((s) => s.userAgent)).toEqual(['A']);
    const old = await loginFrom(alice, 'old');
    host.clock.advance(86_400 + 1);
    try {
      const fresh = await loginFrom(alice, 'fresh');
      const agents = (await sessions(fresh)).body.map((s) => s.userAgent);
      expect(agents).toEqual(['fresh']);
      await host.http().get('/api/hello').set(auth(old)).expect(401);
    } finally {
      host.clock.advance(-(86_400 + 1));
    }
  });

  it('DELETE /auth/sessions/:id revokes that one session only', async () => {
    const username = await newUser();
    const [here, there] = [await loginFrom(username, 'here'), await loginFrom(username, 'there')];
    const list = (await sessions(here)).body;
    const thereId = list.find((s) => s.userAgent === 'there')?.id as string;
    await host.http().delete(`/auth/sessions/${thereId}`).set(auth(here)).expect(204);
    await host.http().get('/api/hello').set(auth(there)).expect(401);
    await host.http().get('/api/hello').set(auth(here)).expect(200);
    expect((await sessions(here)).body).toHaveLength(1);
  });

  it('answers another user’s session id exactly like an unknown one (404), revoking nothing', async () => {
    const [alice, mallory] = [await newUser(), await newUser()];
    const aliceToken = await loginFrom(alice, 'alice');
    const aliceId = (await sessions(aliceToken)).body[0].id;
    const malloryToken = await loginFrom(mallory, 'mallory');
    const foreign = await host.http().delete(`/auth/sessions/${aliceId}`).set(auth(malloryToken));
    const unknown = await host
      .http()
      .delete('/auth/sessions/00000000-0000-4000-8000-000000000000')
      .set(auth(malloryToken));
    const garbage = await host
      .http()
      .delete(`/auth/sessions/${'x'.repeat(300)}`)
      .set(auth(malloryToken));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect(garbage.status).toBe(404);
    await host.http().get('/api/hello').set(auth(aliceToken)).expect(200);
  });

  it('DELETE /auth/sessions logs the user out everywhere, this session included', async () => {
    const [username, other] = [await newUser(), await newUser()];
    const tokens = [await loginFrom(username, '1'), await loginFrom(username, '2'), await loginFrom(username, '3')];
    const bystander = await loginFrom(other, 'other');
    await host.http().delete('/auth/sessions/').set(auth(tokens[0])).expect(204);
    for (const token of tokens) await host.http().get('/api/hello').set(auth(token)).expect(401);
    await host.http().get('/api/hello').set(auth(bystander)).expect(200);
  });

  it('needs a token', async () => {
    await host.http().get('/auth/sessions').expect(401);
    await host.http().delete('/auth/sessions').expect(401);
  });
});
