import { hash } from 'node:crypto';
import { match } from './fixtures/matchers.js';
import { json, type CreatedApiToken } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { KeyServer, leakReport, newScanningKey, signedHeaders } from './fixtures/secret-scanning.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

// The CONTRACT's "Security notices and the security log" and "Leaked tokens", as the demo serves them.

const PASSWORD = 'violet staple battery';
const FROM = 'security@demo.test';
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
const SAFARI_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const TYPES = [
  'login',
  'login_failed',
  'logout',
  'reauthenticated',
  'password_changed',
  'password_reset',
  'mfa_enabled',
  'mfa_disabled',
  'recovery_codes_renewed',
  'api_token_created',
  'api_token_revoked',
  'sessions_revoked',
  'passkey_added',
  'passkey_removed',
  'token_leaked',
];

interface SecurityLogAnswer {
  events: Record<string, unknown>[];
}

describe.each(TEST_DATABASES)('security notices, the security log and leaked tokens in the demo (%s)', (db) => {
  let demo: DemoTestApp;
  let smtp: SmtpCatcher;
  let keys: KeyServer;
  const key = newScanningKey('a'.repeat(64));
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    keys = await new KeyServer(key).start();
    demo = await startDemoApp(db, {
      env: { MAIL_FROM: FROM, AUTH_SECRET_SCANNING_KEYS_URL: keys.url },
      mailer: new SmtpMailer(smtp.port),
    });
  });
  afterAll(async () => {
    await demo?.close();
    await keys?.close();
    await smtp?.close();
  });
  beforeEach(() => demo.query('DELETE FROM auth_throttle'));

  async function member(): Promise<{ username: string; email: string }> {
    counter += 1;
    const username = `demowatcher${counter}`;
    const email = `${username}@example.com`;
    await demo.createUser({ username, password: PASSWORD, email });
    return { username, email };
  }
  const login = async (username: string, userAgent: string) =>
    (
      await json<{ token: string }>(
        demo.http().post('/auth/login').set('User-Agent', userAgent).send({ username, password: PASSWORD }).expect(200),
      )
    ).body.token;
  const hello = (token: string) => demo.http().get('/api/hello').set('Authorization', `Token ${token}`);

  it('answers GET /auth/security-log with {events: [{type, at, ip, device}]}, newest first', async () => {
    const { username } = await member();
    await demo.http().post('/auth/login').send({ username, password: 'not it at all' }).expect(401);
    const token = await login(username, CHROME_LINUX);
    const response = await json<SecurityLogAnswer>(
      demo.http().get('/auth/security-log/').set('Authorization', `Bearer ${token}`).expect(200),
    );
    expect(Object.keys(response.body)).toEqual(['events']);
    const [latest, failed] = response.body.events;
    expect(Object.keys(latest).sort()).toEqual(['at', 'device', 'ip', 'type']);
    expect(latest).toMatchObject({
      type: 'login',
      device: 'Chrome 138 on Linux',
      ip: match.stringContaining('127.0.0.1'),
    });
    expect(new Date(latest.at as string).toISOString()).toBe(latest.at);
    expect(failed).toMatchObject({ type: 'login_failed', device: null });
    for (const event of response.body.events) expect(TYPES).toContain(event.type);
  });

  it('gives an API token 403 on GET /auth/security-log', async () => {
    const { username } = await member();
    const token = await login(username, CHROME_LINUX);
    const api = await json<CreatedApiToken>(
      demo.http().post('/auth/tokens').set('Authorization', `Token ${token}`).send({ name: 'x' }).expect(201),
    );
    const refused = await demo.http().get('/auth/security-log').set('Authorization', `Token ${api.body.token}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403 });
  });

  it('mails a sign-in from a new device from MAIL_FROM, and an API token created with its name', async () => {
    const { username, email } = await member();
    const token = await login(username, CHROME_LINUX);
    await login(username, SAFARI_MAC);
    await demo
      .http()
      .post('/auth/tokens')
      .set('Authorization', `Token ${token}`)
      .send({ name: 'Release pipeline' })
      .expect(201);
    await demo.drainMail();
    const mails = smtp.to(email);
    const signIn = mails.find((mail) => mail.subject.includes('New sign-in'));
    expect(signIn?.from).toBe(FROM);
    expect(signIn?.text).toContain('Safari 17');
    expect(signIn?.text).toContain('Mac OS');
    expect(signIn?.text).toContain('127.0.0.1');
    const created = mails.find((mail) => mail.text.includes('API token'));
    expect(created?.text).toContain('Release pipeline');
    expect(mails).toHaveLength(2);
  });

  it('revokes a reported token on POST /auth/tokens/leaked, batches up to 1 MB included', async () => {
    const { username, email } = await member();
    const token = await login(username, CHROME_LINUX);
    const filler = Array.from({ length: 5000 }, (_, i) => `nat_${String(i).padStart(49, '0')}`);
    const body = leakReport(...filler, token);
    expect(Buffer.byteLength(body)).toBeGreaterThan(500_000);
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const response = await json<{ token_hash: string; token_type: string; label: string }[]>(
      demo.http().post('/auth/tokens/leaked').set(signedHeaders(key, body)).send(body),
    );
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(5001);
    expect(response.body.at(-1)).toEqual({
      token_hash: hash('sha256', token, 'hex'),
      token_type: 'nestjs_auth_token',
      label: 'true_positive',
    });
    expect(response.body[0].label).toBe('false_positive');
    await hello(token).expect(401);
    await demo.drainMail();
    const leaked = smtp.to(email).find((mail) => mail.text.includes('leaked'));
    expect(leaked?.text).not.toContain(token);
  });

  it('refuses an unsigned or re-serialized report with 401 and revokes nothing', async () => {
    const { username } = await member();
    const token = await login(username, CHROME_LINUX);
    const body = JSON.stringify(JSON.parse(leakReport(token)), null, 1);
    const headers = signedHeaders(key, body);
    const reserialized = JSON.stringify(JSON.parse(body));
    expect((await demo.http().post('/auth/tokens/leaked').set(headers).send(reserialized)).status).toBe(401);
    const { 'Github-Public-Key-Identifier': _id, ...unnamed } = headers;
    expect((await demo.http().post('/auth/tokens/leaked').set(unnamed).send(body)).status).toBe(401);
    await hello(token).expect(200);
  });

  it('lets anyone end a token with POST /auth/tokens/revoke: 202 either way, 429 past 60 an hour', async () => {
    const { username } = await member();
    const token = await login(username, CHROME_LINUX);
    const revoke = (tokens: string[]) => demo.http().post('/auth/tokens/revoke').send({ tokens });
    const answer = await revoke([token]);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ success: true });
    await hello(token).expect(401);
    expect((await revoke([token])).body).toEqual({ success: true });
    for (let i = 2; i < 60; i += 1) expect((await revoke(['nat_nothing'])).status).toBe(202);
    expect((await revoke(['nat_nothing'])).status).toBe(429);
  });
});
