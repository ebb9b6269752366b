import { createHash } from 'node:crypto';
import { json, type ErrorBody } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

describe.each(TEST_MATRIX)('logout, me and token storage (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let dave: { id: number };

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform });
    dave = await host.createUser({ username: 'dave', password: 'dave password', email: 'dave@example.com' });
  });
  afterAll(() => host.close());

  const auth = (token: string) => ({ Authorization: `Token ${token}` });

  it.each(['delete', 'post'] as const)('%s /auth/logout revokes only the presented token (204)', async (method) => {
    const [phone, laptop] = [await host.login('dave', 'dave password'), await host.login('dave', 'dave password')];
    const response = await host.http()[method]('/auth/logout').set(auth(phone));
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    await host.http().get('/api/hello').set(auth(phone)).expect(401);
    await host.http().get('/api/hello').set(auth(laptop)).expect(200);
    await host.http()[method]('/auth/logout/').set(auth(laptop)).expect(204);
    await host.http().get('/api/hello').set(auth(laptop)).expect(401);
  });

  it('refuses logout without a token, and a second logout with the same token', async () => {
    const token = await host.login('dave', 'dave password');
    const anonymous = await host.http().delete('/auth/logout');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="api"');
    await host.http().delete('/auth/logout').set(auth(token)).expect(204);
    const again = await host.http().delete('/auth/logout').set(auth(token));
    expect(again.status).toBe(401);
    expect(again.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('GET /auth/me returns the serialized current user, never the password hash', async () => {
    const token = await host.login('DAVE', 'dave password');
    const response = await host.http().get('/auth/me').set(auth(token));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ id: dave.id, username: 'dave', email: 'dave@example.com' });
    expect(response.text).not.toContain('scrypt');
    await host.http().get('/auth/me').expect(401);
  });

  it('stores only a SHA-256 digest of each token, never the token itself', async () => {
    const token = await host.login('dave', 'dave password');
    const rows = await host.query('SELECT * FROM auth_token');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4, 30));
    const digest = createHash('sha256').update(token).digest('hex');
    expect(rows.filter((row) => row.digest === digest)).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual([
      'authenticatedAt',
      'createdAt',
      'digest',
      'expiresAt',
      'expiryNoticeAt',
      'failures',
      'id',
      'ip',
      'kind',
      'lastUsedAt',
      'name',
      'scopes',
      'userAgent',
      'userId',
    ]);
  });

  it('deletes the tokens of a deleted user (ON DELETE CASCADE in the database)', async () => {
    const erin = await host.createUser({ username: 'erin', password: 'erin password' });
    const token = await host.login('erin', 'erin password');
    await host.login('erin', 'erin password');
    const count = async () => (await host.query('SELECT id FROM auth_token WHERE "userId" = $1', [erin.id])).length;
    expect(await count()).toBe(2);
    await host.query('DELETE FROM users WHERE id = $1', [erin.id]);
    expect(await count()).toBe(0);
    const response = await json<ErrorBody>(host.http().get('/api/hello').set(auth(token)));
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Invalid or expired token.');
  });
});
