import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';

const PASSWORD = 'violet staple battery';
const INVISIBLE = 'The username must not contain control characters or invisible characters.';

/** The demo's own user administration (UsersService, behind `npm run user`), beside the library's registration. */
describe.each(TEST_DATABASES)("the demo's UsersService (%s)", (db) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp(db);
  });
  afterAll(() => demo.close());

  const register = (username: string, password = PASSWORD) =>
    demo.http().post('/auth/register').send({ username, password });
  const countUsers = async () =>
    Number((await demo.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM users'))[0].n);

  it('refuses an invisible character on the command-line path too (UsersService.create), and a look-alike of a taken name', async () => {
    const before = await countUsers();
    await expect(demo.createUser({ username: 'mallory\u200b', password: PASSWORD })).rejects.toThrow('mallory\u200b');
    await expect(demo.createUser({ username: 'mallory\u200b', password: PASSWORD })).rejects.toThrow(INVISIBLE);
    await register('Oscar').expect(201);
    await expect(demo.createUser({ username: 'ＯＳＣＡＲ', password: PASSWORD })).rejects.toThrow(
      /OSCAR.*already exists/,
    );
    expect(await countUsers()).toBe(before + 1);
  });
});
