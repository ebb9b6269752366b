import { hash } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { match } from './fixtures/matchers.js';
import { json, type CreatedApiToken } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import { HELLO_SCOPES } from './fixtures/library-host/scoped-hello.controller.js';
import { KeyServer, leakReport, newScanningKey, signedHeaders, type ScanningKey } from './fixtures/secret-scanning.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';

interface Feedback {
  token_hash: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown) => void this.lines.push(String(message));
  warn = (message: unknown) => void this.lines.push(String(message));
  error = (message: unknown) => void this.lines.push(String(message));
}

const sha256 = (token: string) => hash('sha256', token, 'hex');

describe.each(TEST_DATABASES)('leaked tokens (%s)', (db) => {
  let host: LibraryTestApp;
  let smtp: SmtpCatcher;
  let keys: KeyServer;
  let key: ScanningKey;
  const logger = new RecordingLogger();
  let counter = 0;

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    key = newScanningKey('a'.repeat(64));
    keys = await new KeyServer(key, newScanningKey('b'.repeat(64))).start();
    host = await startLibraryHost(db, {
      options: { apiTokens: { enabled: true }, scopes: HELLO_SCOPES, leakedTokens: { keysUrl: keys.url } },
      mailer: new SmtpMailer(smtp.port),
      logger,
    });
  });
  afterAll(async () => {
    await host?.close();
    await keys?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    keys.down = false;
    await host.query('DELETE FROM auth_throttle');
  });

  async function newUser(): Promise<{ username: string; email: string }> {
    counter += 1;
    const username = `careless${counter}`;
    const email = `${username}@example.com`;
    await host.createUser({ username, password: PASSWORD, email });
    return { username, email };
  }
  const hello = (token: string) => host.http().get('/api/hello').set('Authorization', `Token ${token}`);
  const report = (body: string, headers: Record<string, string>) =>
    json<Feedback[]>(host.http().post('/auth/tokens/leaked').set(headers).send(body));

  describe('POST /auth/tokens/leaked', () => {
    it('revokes the live tokens of a signed report, mails their owners and labels each entry', async () => {
      const { username, email } = await newUser();
      const login = await host.login(username, PASSWORD);
      const spare = await host.login(username, PASSWORD);
      const api = await json<CreatedApiToken>(
        host.http().post('/auth/tokens').set('Authorization', `Token ${spare}`).send({ name: 'CI deploy' }).expect(201),
      );
      const stranger = 'ghp_notoneofours0123456789';
      const body = leakReport(login, api.body.token, stranger);

      const response = await report(body, signedHeaders(key, body));
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        { token_hash: sha256(login), token_type: 'nestjs_auth_token', label: 'true_positive' },
        { token_hash: sha256(api.body.token), token_type: 'nestjs_auth_token', label: 'true_positive' },
        { token_hash: sha256(stranger), token_type: 'nestjs_auth_token', label: 'false_positive' },
      ]);
      await hello(login).expect(401);
      await hello(api.body.token).expect(401);
      await hello(spare).expect(200);

      await host.drainMail();
      const mails = smtp.to(email).filter((mail) => mail.subject.includes('leaked'));
      expect(mails).toHaveLength(2);
      for (const mail of mails) expect(mail.text).toContain('leaked');
      expect(mails.some((mail) => mail.text.includes('CI deploy'))).toBe(true);
      const log = await json<{ events: { type: string }[] }>(
        host.http().get('/auth/security-log').set('Authorization', `Token ${spare}`),
      );
      expect(log.body.events.filter((event) => event.type === 'token_leaked')).toHaveLength(2);

      for (const secret of [login, api.body.token, spare]) {
        for (const mail of smtp.to(email)) expect(mail.text).not.toContain(secret);
        expect(logger.lines.join('\n')).not.toContain(secret);
        expect(JSON.stringify(await host.query('SELECT * FROM auth_security_event'))).not.toContain(secret);
      }
    });

    it('takes a repeated report (forks repeat them) harmlessly: false positive, no second mail', async () => {
      const { username, email } = await newUser();
      const login = await host.login(username, PASSWORD);
      const body = leakReport(login);
      expect((await report(body, signedHeaders(key, body))).body[0].label).toBe('true_positive');
      const again = await report(body, signedHeaders(key, body));
      expect(again.status).toBe(200);
      expect(again.body[0].label).toBe('false_positive');
      await host.drainMail();
      expect(smtp.to(email)).toHaveLength(1);
    });

    it('refuses a re-serialized body: the signature covers the bytes that were sent', async () => {
      const { username } = await newUser();
      const login = await host.login(username, PASSWORD);
      const signed = JSON.stringify(JSON.parse(leakReport(login)), null, 2);
      const reserialized = JSON.stringify(JSON.parse(signed));
      const response = await report(reserialized, signedHeaders(key, signed));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, message: match.stringContaining('signature') });
      await hello(login).expect(200);
      expect((await report(signed, signedHeaders(key, signed))).status).toBe(200);
      await hello(login).expect(401);
    });

    it('refuses with 401 a missing signature, a signature of another key, and an unknown key identifier', async () => {
      const { username } = await newUser();
      const login = await host.login(username, PASSWORD);
      const body = leakReport(login);
      const headers = signedHeaders(key, body);
      const { 'Github-Public-Key-Signature': _signature, ...unsigned } = headers;
      expect((await report(body, unsigned)).status).toBe(401);
      const foreign = signedHeaders(newScanningKey(key.identifier), body);
      expect((await report(body, foreign)).status).toBe(401);
      const unknown = signedHeaders(newScanningKey('c'.repeat(64)), body);
      const refused = await report(body, unknown);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ message: match.stringContaining('key') });
      expect((await report(body, { ...headers, 'Github-Public-Key-Signature': 'not base64!' })).status).toBe(401);
      await hello(login).expect(200);
    });

    it('fetches the keys again at most once a minute for an unknown identifier', async () => {
      const body = leakReport('nat_unknown');
      const unknown = signedHeaders(newScanningKey(`d${counter}`.padEnd(64, '0')), body);
      host.clock.advance(61);
      const before = keys.fetches;
      for (let i = 0; i < 3; i += 1) expect((await report(body, unknown)).status).toBe(401);
      expect(keys.fetches).toBe(before + 1);
      // A key GitHub starts using is picked up once the minute has passed.
      const rotated = newScanningKey(`e${counter}`.padEnd(64, '0'));
      keys.keys = [...keys.keys, rotated];
      expect((await report(body, signedHeaders(rotated, body))).status).toBe(401);
      host.clock.advance(61);
      const accepted = await report(body, signedHeaders(rotated, body));
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual([
        { token_hash: sha256('nat_unknown'), token_type: 'nestjs_auth_token', label: 'false_positive' },
      ]);
      expect(keys.fetches).toBe(before + 2);
    });

    it('answers 503 and revokes nothing while the key server is down, and keeps using the keys it has', async () => {
      const { username } = await newUser();
      const login = await host.login(username, PASSWORD);
      const body = leakReport(login);
      keys.down = true;
      host.clock.advance(61);
      const newKey = signedHeaders(newScanningKey(`f${counter}`.padEnd(64, '0')), body);
      const down = await report(body, newKey);
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBeDefined();
      expect(down.body).toMatchObject({ statusCode: 503, message: match.any(String) });
      await hello(login).expect(200);
      // The key fetched earlier still checks reports.
      expect((await report(body, signedHeaders(key, body))).body[0].label).toBe('true_positive');
    });

    it('refuses a signed body that is not a JSON array of entries with 400, revoking nothing', async () => {
      for (const body of ['{"token": "x"}', '[{"token": 5}]', '["x"]']) {
        const response = await report(body, signedHeaders(key, body));
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ statusCode: 400, message: match.stringContaining('JSON array') });
      }
    });
  });

  describe('POST /auth/tokens/revoke', () => {
    it('ends the valid tokens given and answers 202 whatever they were', async () => {
      const { username, email } = await newUser();
      const login = await host.login(username, PASSWORD);
      const answer = await host
        .http()
        .post('/auth/tokens/revoke')
        .send({ tokens: [login, 'nat_made_up', 'anything'] });
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ success: true });
      await hello(login).expect(401);
      const nothing = await host
        .http()
        .post('/auth/tokens/revoke')
        .send({ tokens: ['nat_made_up'] });
      expect(nothing.status).toBe(202);
      expect(nothing.body).toEqual({ success: true });
      await host.drainMail();
      expect(smtp.to(email).map((mail) => mail.subject)).toEqual(['A token of yours was leaked and has been revoked']);
    });

    it('refuses more than 100 tokens, or no list, with 400 naming tokens', async () => {
      const many = await host
        .http()
        .post('/auth/tokens/revoke')
        .send({ tokens: Array(101).fill('nat_x') });
      expect(many.status).toBe(400);
      expect(Object.keys((many.body as { errors: object }).errors)).toEqual(['tokens']);
      expect((await host.http().post('/auth/tokens/revoke').send({})).status).toBe(400);
    });

    it('takes 60 requests per client IP per hour, then answers 429', async () => {
      for (let i = 0; i < 60; i += 1)
        expect((await host.http().post('/auth/tokens/revoke').send({ tokens: [] })).status).toBe(202);
      const refused = await host.http().post('/auth/tokens/revoke').send({ tokens: [] });
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
    });
  });
});

describe.each(TEST_DATABASES)('leaked tokens on a host without API tokens (%s)', (db) => {
  let host: LibraryTestApp;
  let keys: KeyServer;
  const key = newScanningKey('a'.repeat(64));

  beforeAll(async () => {
    keys = await new KeyServer(key).start();
    host = await startLibraryHost(db, { options: { leakedTokens: { keysUrl: keys.url } } });
    await host.createUser({ username: 'plain', password: PASSWORD });
  });
  afterAll(async () => {
    await host?.close();
    await keys?.close();
  });

  it('still revokes a leaked login token, by report and by anyone', async () => {
    const first = await host.login('plain', PASSWORD);
    const body = leakReport(first);
    const response = await host.http().post('/auth/tokens/leaked').set(signedHeaders(key, body)).send(body);
    expect(response.status).toBe(200);
    await host.http().get('/api/hello').set('Authorization', `Token ${first}`).expect(401);
    const second = await host.login('plain', PASSWORD);
    await host
      .http()
      .post('/auth/tokens/revoke')
      .send({ tokens: [second] })
      .expect(202);
    await host.http().get('/api/hello').set('Authorization', `Token ${second}`).expect(401);
  });
});

describe('leaked tokens on a host that keeps no raw bodies', () => {
  let host: LibraryTestApp;
  let keys: KeyServer;
  const key = newScanningKey('a'.repeat(64));

  beforeAll(async () => {
    keys = await new KeyServer(key).start();
    host = await startLibraryHost('sqlite', { options: { leakedTokens: { keysUrl: keys.url } }, rawBody: false });
    await host.createUser({ username: 'plain', password: PASSWORD });
  });
  afterAll(async () => {
    await host?.close();
    await keys?.close();
  });

  it('cannot check a report: 503 naming the fix, and the token lives', async () => {
    const token = await host.login('plain', PASSWORD);
    const body = leakReport(token);
    const response = await host.http().post('/auth/tokens/leaked').set(signedHeaders(key, body)).send(body);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ message: match.stringContaining('rawBody: true') });
    await host.http().get('/api/hello').set('Authorization', `Token ${token}`).expect(200);
  });
});
