import { jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { TokenPurgeService, TokenService, UserStore } from 'nestjs-auth-token';
import { LISTENER_APPLICATION_NAME, REVOCATION_CHANNEL } from 'nestjs-auth-token/testing';
import pg from 'pg';
import { json, type CreatedApiToken, type Session } from './fixtures/answers.js';
import { createTestDatabase, type TestDatabase } from './fixtures/databases.js';
import { eventually } from './fixtures/eventually.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';
import type { User } from './fixtures/library-host/user.entity.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';
/** Long enough that only a revocation notice (or a suspended cache) can explain a refusal within a test. */
const CACHE_TTL = 600;
const MAX_PER_USER = 3;
const RESET_URL = 'http://app.test/#reset=';

/** Collects what the instances log, to see what an operator would see. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown) => void this.lines.push(`log ${String(message)}`);
  warn = (message: unknown) => void this.lines.push(`warn ${String(message)}`);
  error = (message: unknown) => void this.lines.push(`error ${String(message)}`);
}

describe('the token cache on three instances sharing one PostgreSQL database', () => {
  let database: TestDatabase;
  let smtp: SmtpCatcher;
  let a: LibraryTestApp;
  let b: LibraryTestApp;
  let c: LibraryTestApp;
  const log = new RecordingLogger();
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    smtp = await new SmtpCatcher().start();
    const options = {
      tokens: { cacheTtl: CACHE_TTL, maxPerUser: MAX_PER_USER },
      passwordReset: { url: RESET_URL },
      apiTokens: { enabled: true },
    };
    const mailer = new SmtpMailer(smtp.port);
    a = await startLibraryHost('postgres', { database, options, mailer });
    c = await startLibraryHost('postgres', { database, options, mailer });
    // Started last: Nest's loggers are one per process, so the last app's logger hears all three instances.
    b = await startLibraryHost('postgres', { database, options, mailer, logger: log });
  });
  afterAll(async () => {
    for (const app of [a, b, c]) await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  const hello = (app: LibraryTestApp, token: string) =>
    app.http().get('/api/hello').set('Authorization', `Token ${token}`);
  const as = (app: LibraryTestApp, token: string) => ({
    delete: (path: string) => app.http().delete(path).set('Authorization', `Token ${token}`),
    post: (path: string, body: object) => app.http().post(path).set('Authorization', `Token ${token}`).send(body),
    get: (path: string) => app.http().get(path).set('Authorization', `Token ${token}`),
  });

  async function user(): Promise<{ username: string; email: string; record: User }> {
    counter += 1;
    const username = `spread${counter}`;
    const email = `${username}@example.com`;
    return {
      username,
      email,
      record: await a.createUser({ username, password: PASSWORD, email, emailConfirmed: true }),
    };
  }
  /** Logs in on A and has B and C accept (and cache) the token. */
  async function cachedEverywhere(username: string, password = PASSWORD): Promise<string> {
    const token = await a.login(username, password);
    for (const app of [a, b, c]) await hello(app, token).expect(200);
    return token;
  }
  /** B and C refuse `token` once A's notice reached them (their cache entries would live CACHE_TTL seconds). */
  async function refusedOnTheOthers(token: string): Promise<void> {
    await hello(a, token).expect(401);
    await eventually(() => hello(b, token), 401);
    await eventually(() => hello(c, token), 401);
  }
  /** The public id of `token`'s session. */
  async function sessionId(token: string): Promise<string> {
    const sessions = (await json<Session[]>(as(a, token).get('/auth/sessions').expect(200))).body;
    return sessions.find((session) => session.current)!.id;
  }
  /** Deletes `token`'s row with plain SQL: no notice, a change behind the library's back. */
  async function deleteBehindTheBack(token: string): Promise<void> {
    await a.query('DELETE FROM auth_token WHERE id = $1', [await sessionId(token)]);
  }

  it('serves a token from the cache on every instance: a row deleted by plain SQL stays accepted (the documented bound)', async () => {
    const { username } = await user();
    const token = await cachedEverywhere(username);
    await deleteBehindTheBack(token);
    await hello(b, token).expect(200);
    await hello(c, token).expect(200);
  });

  it('refuses a logged-out token on the other instances once the notice arrives', async () => {
    const { username } = await user();
    const token = await cachedEverywhere(username);
    await as(a, token).delete('/auth/logout').expect(204);
    await refusedOnTheOthers(token);
  });

  it('spreads a revoked session (DELETE /auth/sessions/:id) and "log out everywhere"', async () => {
    const { username } = await user();
    const [kept, revoked, third] = [
      await cachedEverywhere(username),
      await cachedEverywhere(username),
      await cachedEverywhere(username),
    ];
    await as(a, kept)
      .delete(`/auth/sessions/${await sessionId(revoked)}`)
      .expect(204);
    await refusedOnTheOthers(revoked);
    await hello(b, third).expect(200);
    // "Log out everywhere", from B this time: A and C learn it from B's notice.
    await as(b, kept).delete('/auth/sessions').expect(204);
    for (const app of [a, c]) for (const token of [kept, third]) await eventually(() => hello(app, token), 401);
  });

  it('spreads a password change (the other tokens) and a password reset (every token)', async () => {
    const { username, email } = await user();
    const changer = await cachedEverywhere(username);
    const other = await cachedEverywhere(username);
    await as(a, changer)
      .post('/auth/password/change', { currentPassword: PASSWORD, newPassword: 'amber window lantern' })
      .expect(204);
    await refusedOnTheOthers(other);
    await hello(b, changer).expect(200);

    const before = smtp.to(email).filter((mail) => mail.link).length;
    await a.http().post('/auth/password/reset').send({ email }).expect(202);
    const mail = await smtp.waitForLink(email, before + 1);
    const resetToken = new RegExp(`${RESET_URL.replace(/[.#/]/g, '\\$&')}([\\w-]+)`).exec(mail.text)?.[1];
    expect(resetToken).toBeDefined();
    // Confirmed on B this time: A and C learn it from B's notice.
    await b
      .http()
      .post('/auth/password/reset/confirm')
      .send({ token: resetToken, newPassword: 'coral minute harbour' })
      .expect(204);
    await eventually(() => hello(a, changer), 401);
    await eventually(() => hello(c, changer), 401);
  });

  it('spreads the per-user limit: the least recently used token, evicted by a new login, is refused everywhere', async () => {
    const { username } = await user();
    const oldest = await cachedEverywhere(username);
    for (let i = 0; i < MAX_PER_USER; i += 1) await a.login(username, PASSWORD);
    await refusedOnTheOthers(oldest);
  });

  it('spreads an API token revocation', async () => {
    const { username } = await user();
    const login = await a.login(username, PASSWORD);
    const created = (await json<CreatedApiToken>(as(a, login).post('/auth/tokens', { name: 'deploy' }).expect(201)))
      .body;
    // An API token reaches /auth/me (the host's /api/hello names no scope, so it refuses API tokens).
    const me = (app: LibraryTestApp) => app.http().get('/auth/me').set('Authorization', `Bearer ${created.token}`);
    for (const app of [a, b, c]) await me(app).expect(200);
    await as(c, login).delete(`/auth/tokens/${created.id}`).expect(204);
    await eventually(() => me(a), 401);
    await eventually(() => me(b), 401);
    await me(c).expect(401);
  });

  it('spreads the deletion of a user through the library (UserStore.delete, then TokenService.forgetUser)', async () => {
    const { username, record } = await user();
    const token = await cachedEverywhere(username);
    await a.app.get(UserStore).delete(record);
    await a.app.get(TokenService).forgetUser(record);
    await refusedOnTheOthers(token);
  });

  it('spreads a purge: a token another instance still thinks live (its clock is behind) is dropped there too', async () => {
    const { username } = await user();
    const token = await cachedEverywhere(username);
    a.clock.advance(86_400 + 1);
    try {
      expect((await a.app.get(TokenPurgeService).purge()).tokens).toBeGreaterThan(0);
    } finally {
      a.clock.advance(-(86_400 + 1));
    }
    await eventually(() => hello(b, token), 401);
    await eventually(() => hello(c, token), 401);
  });

  it('suspends the cache while the listening connection is down (fail closed), and resumes once it is back', async () => {
    const { username } = await user();
    const cached = await cachedEverywhere(username);
    const killed = await a.query<{ pid: number }>(
      'SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [LISTENER_APPLICATION_NAME],
    );
    expect(killed).toHaveLength(3);
    // No notice for this one: only an instance that stopped trusting its cache refuses it.
    await deleteBehindTheBack(cached);
    await eventually(() => hello(b, cached), 401);
    await eventually(() => hello(c, cached), 401);

    // Back: B serves from its cache again (a row deleted by SQL stays accepted), and notices reach it again.
    await eventually(async () => {
      const probe = await cachedEverywhere(username);
      await deleteBehindTheBack(probe);
      return hello(b, probe);
    }, 200);
    const later = await cachedEverywhere(username);
    await as(a, later).delete('/auth/logout').expect(204);
    await refusedOnTheOthers(later);
    // Once per instance and outage, not once per reconnection attempt.
    expect(log.lines.filter((line) => line.startsWith('warn Token cache suspended'))).toHaveLength(3);
    expect(
      log.lines.filter((line) => line === 'log Token cache resumed: listening for revocations again'),
    ).toHaveLength(3);
  });

  it('announces a logout by its session id and a forgotten user by the user id, nothing more (no token, no digest)', async () => {
    const { username, record } = await user();
    const token = await cachedEverywhere(username);
    const id = await sessionId(token);
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    try {
      const payloads: string[] = [];
      listener.on('notification', (message) => payloads.push(message.payload ?? ''));
      await listener.query(`LISTEN ${REVOCATION_CHANNEL}`);
      await as(a, token).delete('/auth/logout').expect(204);
      await a.app.get(TokenService).forgetUser(record);
      await eventually(() => Promise.resolve({ status: payloads.length }), 2);
      expect(payloads.map((payload): unknown => JSON.parse(payload))).toEqual([{ t: [id] }, { u: record.id }]);
    } finally {
      await listener.end();
    }
  });
});

/** A TCP relay to PostgreSQL that can go silent: the connection stays open, nothing passes (a network partition). */
class SilentableRelay {
  private readonly sockets = new Set<Socket>();
  private silent = false;
  private readonly server = createServer((client) => {
    if (this.silent) return void this.sockets.add(client);
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.on('data', (chunk) => this.silent || upstream.write(chunk));
    upstream.on('data', (chunk) => this.silent || client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** From now on nothing passes, and no connection is closed: only a heartbeat can notice. */
  goSilent(): void {
    this.silent = true;
  }

  /** Passes again, for new connections (the silent ones are dropped). */
  speak(): void {
    this.silent = false;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('the revocation listener on its own connection (tokens.cacheListenerConnection), when the network goes silent', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let relay: SilentableRelay;
  let app: LibraryTestApp;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(database.url);
    relay = new SilentableRelay({ host: url.hostname, port: Number(url.port) });
    url.port = String(await relay.start());
    app = await startLibraryHost('postgres', {
      database,
      options: { tokens: { cacheTtl: CACHE_TTL, cacheListenerConnection: url.href } },
    });
  });
  afterAll(async () => {
    await app?.close();
    await relay?.close();
    await database?.drop();
  });

  const hello = (token: string) => app.http().get('/api/hello').set('Authorization', `Token ${token}`);

  it('listens through the given connection, notices the silence by its heartbeat, suspends the cache, and resumes when the network is back', async () => {
    await app.createUser({ username: 'vera', password: PASSWORD });
    const cachedToken = async () => {
      const token = await app.login('vera', PASSWORD);
      await hello(token).expect(200);
      await app.query('DELETE FROM auth_token WHERE "createdAt" = (SELECT MAX("createdAt") FROM auth_token)');
      return token;
    };
    // Served from the cache: the listener came up through the relay.
    await hello(await cachedToken()).expect(200);
    const [{ listeners }] = await app.query<{ listeners: string }>(
      'SELECT COUNT(*) AS listeners FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND client_port IS NOT NULL',
      [LISTENER_APPLICATION_NAME],
    );
    expect(Number(listeners)).toBe(1);

    const token = await app.login('vera', PASSWORD);
    await hello(token).expect(200);
    relay.goSilent();
    await app.query('DELETE FROM auth_token');
    // Within a heartbeat and its timeout (5 s + 3 s), the instance stops trusting its cache.
    await eventually(() => hello(token), 401, 15_000);

    relay.speak();
    await eventually(async () => hello(await cachedToken()), 200, 15_000);
  });
});
