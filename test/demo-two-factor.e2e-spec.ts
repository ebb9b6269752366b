import { json, type LoginResponse, type MfaChallenge, type TotpSetup } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { match } from './fixtures/matchers.js';
import { totp } from './fixtures/totp.js';

// The library's two-factor login is tested on its own host (test/two-factor.e2e-spec.ts); this is what the demo
// adds: it turns it on, under its own name in authenticator apps.

const PASSWORD = 'violet staple battery';

describe.each(TEST_DATABASES)('two-factor login as the demo serves it (%s)', (db) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp(db);
  });
  afterAll(() => demo.close());

  it('turns two-factor login on, named "nestjs-auth-token demo" in authenticator apps', async () => {
    await demo.createUser({ username: 'second', password: PASSWORD });
    const login = await demo.login('second', PASSWORD);
    const post = (path: string, body: object = {}) =>
      demo.http().post(path).set('Authorization', `Bearer ${login}`).send(body);
    const { secret, otpauthUrl } = (await json<TotpSetup>(post('/auth/mfa/totp/setup').expect(200))).body;
    const issuer = 'nestjs-auth-token%20demo';
    const parameters = `secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
    expect(otpauthUrl).toBe(`otpauth://totp/${issuer}:second?${parameters}`);
    await post('/auth/mfa/totp/enable', { code: totp(secret, demo.clock.now()) }).expect(200);
    demo.clock.advance(30); // a code is accepted once per 30-second step
    const first = await json<MfaChallenge>(
      demo.http().post('/auth/login').send({ username: 'second', password: PASSWORD }).expect(200),
    );
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: match.any(String), methods: ['totp'] });
    const code = totp(secret, demo.clock.now());
    const done = await json<LoginResponse>(
      demo.http().post('/auth/login/mfa').send({ mfaToken: first.body.mfaToken, code }),
    );
    expect(done.status).toBe(200);
    await demo.http().get('/api/hello').set('Authorization', `Bearer ${done.body.token}`).expect(200);
  });
});
