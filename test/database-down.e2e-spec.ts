import { json, type ErrorBody } from './fixtures/answers.js';
import { TEST_MATRIX } from './fixtures/platforms.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

describe.each(TEST_MATRIX)('when the database is gone (%s, %s)', (db, platform) => {
  let host: LibraryTestApp;
  let token: string;

  beforeAll(async () => {
    host = await startLibraryHost(db, { platform });
    await host.createUser({ username: 'ivan', password: 'ivan password' });
    token = await host.login('ivan', 'ivan password');
    await host.dataSource.destroy();
  });
  afterAll(() => host.close());

  it('answers a guarded request with 503 and a JSON body, not 401 or 500', async () => {
    const response = await host.http().get('/api/hello').set('Authorization', `Token ${token}`);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Authentication is temporarily unavailable. Please try again later.',
    });
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers a login with 503 too', async () => {
    const response = await json<ErrorBody>(
      host.http().post('/auth/login').send({ username: 'ivan', password: 'ivan password' }),
    );
    expect(response.status).toBe(503);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.statusCode).toBe(503);
  });

  it('still refuses a malformed token with 401: that needs no database', async () => {
    await host.http().get('/api/hello').set('Authorization', 'Token nat_broken').expect(401);
  });
});
