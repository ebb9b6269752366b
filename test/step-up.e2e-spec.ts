import { Controller, Module, Post, UseGuards } from '@nestjs/common';
import { AuthTokenGuard, RequireRecentLogin } from 'nestjs-auth-token';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

@Controller('account')
class DangerZoneController {
  @Post('delete')
  @UseGuards(AuthTokenGuard)
  @RequireRecentLogin(300)
  remove() {
    return { deleted: true };
  }
}

@Module({ controllers: [DangerZoneController] })
class DangerZoneModule {}

describe.each(TEST_DATABASES)('@RequireRecentLogin(seconds): step-up for sensitive routes (%s)', (db) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { imports: [{ module: DangerZoneModule }], options: { isGlobal: true } });
    await host.createUser({ username: 'stepper', password: 'violet staple battery' });
  });
  afterAll(() => host.close());

  const remove = (token: string) => host.http().post('/account/delete').set('Authorization', `Bearer ${token}`);

  it('lets a fresh login through and asks an older one to log in again (403 recent_login_required)', async () => {
    const token = await host.login('stepper', 'violet staple battery');
    expect((await remove(token).expect(201)).body).toEqual({ deleted: true });
    host.clock.advance(301);
    try {
      const stale = await remove(token);
      expect(stale.status).toBe(403);
      expect(stale.body).toEqual({ statusCode: 403, error: 'Forbidden', code: 'recent_login_required', message: 'This needs a login within the last 300 seconds: log in again.' });
      await remove(await host.login('stepper', 'violet staple battery')).expect(201);
    } finally {
      host.clock.advance(-301);
    }
  });
});
