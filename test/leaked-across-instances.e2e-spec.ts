import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';
import { eventually } from './fixtures/eventually.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { KeyServer, leakReport, newScanningKey, signedHeaders } from './fixtures/secret-scanning.js';

const PASSWORD = 'violet staple battery';

// PostgreSQL only: instances hear each other's revocations through its NOTIFY.
describe('a leaked token on two instances with the token cache on (postgres)', () => {
  let database: TestDatabase;
  let keys: KeyServer;
  let a: LibraryTestApp;
  let b: LibraryTestApp;
  const key = newScanningKey('a'.repeat(64));

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    keys = await new KeyServer(key).start();
    const options = { tokens: { cacheTtl: 600 }, apiTokens: { enabled: true }, leakedTokens: { keysUrl: keys.url } };
    a = await startLibraryHost('postgres', { database, options });
    b = await startLibraryHost('postgres', { database, options });
    await a.createUser({ username: 'spread', password: PASSWORD });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await keys?.close();
    await database?.drop();
  });

  it('refuses the reported token on the other instance, which had it cached, within a second', async () => {
    const token = await a.login('spread', PASSWORD);
    await b.http().get('/api/hello').set('Authorization', `Token ${token}`).expect(200);
    const body = leakReport(token);
    const response = await a.http().post('/auth/tokens/leaked').set(signedHeaders(key, body)).send(body);
    expect(response.status).toBe(200);
    await eventually(() => b.http().get('/api/hello').set('Authorization', `Token ${token}`), 401, 1000);
  });

  it('refuses a token ended through POST /auth/tokens/revoke on the other instance too', async () => {
    const token = await a.login('spread', PASSWORD);
    await b.http().get('/api/hello').set('Authorization', `Token ${token}`).expect(200);
    await a
      .http()
      .post('/auth/tokens/revoke')
      .send({ tokens: [token] })
      .expect(202);
    await eventually(() => b.http().get('/api/hello').set('Authorization', `Token ${token}`), 401, 1000);
  });
});
