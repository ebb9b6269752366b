import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../apps/demo/src/http/security-headers.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import { launchBrowser, SCREENSHOTS } from './fixtures/browser.js';
import { startDemoProcess, type RunningDemo } from './fixtures/demo-process.js';
import { match } from './fixtures/matchers.js';
import { freePort } from './fixtures/free-port.js';
import { SmtpCatcher } from './fixtures/smtp-catcher.js';

jest.setTimeout(60_000);

const PASSWORD = 'violet staple battery';

/**
 * Runs in every page before its own scripts: reports each Content-Security-Policy violation to the console,
 * where the test collects it (beside Chromium's own "Refused to ... Content Security Policy" messages).
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('CSP violation: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + event.documentURI));`;

/** RFC 4648 base32 (the alphabet A-Z 2-7, '=' padding) to bytes: how an authenticator app reads the key. */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let [buffer, bits] = [0, 0];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${JSON.stringify(char)} in ${JSON.stringify(text)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The 30-second time step of `time` (RFC 6238). */
const stepAt = (time = Date.now()) => Math.floor(time / 30_000);

/**
 * The code an authenticator app shows for `secret` (base32) in time step `step` (RFC 6238 with SHA-1 and 6 digits:
 * HMAC-SHA1 of the 8-byte big-endian step, dynamic truncation, modulo 10^6). Written here on node:crypto, apart
 * from the server's code, so that the page and the server are checked against the RFC and not against each other.
 */
function totp(secret: string, step = stepAt()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Waits for the first time step after `step`: a code is accepted once, so a new login needs a later one. */
async function stepAfter(step: number): Promise<number> {
  while (stepAt() <= step)
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, (step + 1) * 30_000 - Date.now() + 20)));
  return stepAt();
}

/** A page on another origin, to call the API from (CORS). */
function otherOrigin(port: number): Promise<Server> {
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other origin</title>'),
  );
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('the demo page in a real browser', () => {
  let workDir: string;
  let smtp: SmtpCatcher;
  let demo: RunningDemo;
  let browser: Browser;
  let allowed: Server;
  let refused: Server;
  let allowedPort: number;
  let refusedPort: number;
  /** CSP violations seen in any page of the test running now; none may remain when it ends. */
  const violations: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'demo-browser-'));
    smtp = await new SmtpCatcher().start();
    [allowedPort, refusedPort] = [await freePort(), await freePort()];
    [allowed, refused] = [await otherOrigin(allowedPort), await otherOrigin(refusedPort)];
    const port = await freePort();
    demo = await startDemoProcess({
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(workDir, 'browser.sqlite')}`,
      AUTH_SCRYPT_COST: TEST_SCRYPT_COST,
      AUTH_EMAIL_CONFIRM: 'true',
      AUTH_CONFIRM_BASE_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      CORS_ORIGINS: `http://127.0.0.1:${allowedPort}`,
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await smtp?.close();
    allowed?.close();
    refused?.close();
    await rm(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = violations.splice(0);
    expect(seen).toEqual([]);
  });

  /** A browser context whose pages report every CSP violation into `violations`. */
  async function newContext(options?: BrowserContextOptions): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    await context.addInitScript(REPORT_CSP_VIOLATIONS);
    context.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('CSP violation') || text.includes('Content Security Policy')) violations.push(text);
    });
    return context;
  }

  const who = (page: Page) => page.getByTestId('who');
  const result = (page: Page) => page.getByTestId('test-result');
  const live = (page: Page) => page.getByTestId('live');

  async function logIn(page: Page, username: string, remember = false): Promise<void> {
    await page.goto(demo.baseUrl);
    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', PASSWORD);
    if (remember) await page.check('#login-form input[name=remember]');
    await page.click('#login-form button[type=submit]');
    await expectText(who(page), `Logged in as ${username}`);
  }

  async function expectText(locator: ReturnType<Page['getByTestId']>, text: string | RegExp): Promise<void> {
    await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  }

  async function register(page: Page, username: string): Promise<void> {
    const email = `${username}@example.com`;
    await page.goto(demo.baseUrl);
    await page.locator('#confirm-hint').waitFor({ state: 'visible' });
    await page.fill('#register-form input[name=username]', username);
    await page.fill('#register-form input[name=email]', email);
    await page.fill('#register-form input[name=password]', PASSWORD);
    await page.click('#register-form button[type=submit]');
    await page.locator('#register-message', { hasText: 'Check your mail' }).waitFor();
    const mail = await smtp.waitFor(email);
    const confirmed = await page.goto(mail.link as string);
    expect(confirmed?.url()).toBe(`${demo.baseUrl}/`);
  }

  /** The login token the page keeps: in sessionStorage, or in localStorage with "remember me". */
  const storedToken = async (page: Page): Promise<string> =>
    (await page.evaluate<string | null>(
      "localStorage.getItem('auth-token') ?? sessionStorage.getItem('auth-token')",
    )) ?? '';

  /** Every key and value the page keeps in localStorage and sessionStorage, as one string. */
  const storedValues = (page: Page) =>
    page.evaluate<string>('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])');

  /** A call to the demo from the test (not from the page), with `token`. */
  async function call(
    method: string,
    path: string,
    token: string,
  ): Promise<{ status: number; body: string; authenticate: string | null }> {
    const response = await fetch(`${demo.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      body: await response.text(),
      authenticate: response.headers.get('www-authenticate'),
    };
  }

  /** Fills and sends the page's "API tokens" form; `expiresIn` is the value of an option of its select. */
  async function createToken(page: Page, name: string, scopes: string[], expiresIn = '2592000'): Promise<void> {
    await page.fill('#token-form input[name=name]', name);
    for (const scope of ['hello:read', 'hello:write'])
      await page.setChecked(`#token-form input[name=scopes][value="${scope}"]`, scopes.includes(scope));
    await page.selectOption('#token-form select[name=expiresIn]', expiresIn);
    await page.click('#token-form button[type=submit]');
  }

  /** The ISO date of a list entry's detail (`last-used`, `created`, `expires`), or its text when it holds no date. */
  const dateIn = async (entry: ReturnType<Page['locator']>, detail: string): Promise<string> => {
    const part = entry.locator(`.${detail}`);
    return (await part.locator('time').count())
      ? ((await part.locator('time').getAttribute('datetime')) ?? '')
      : ((await part.textContent()) ?? '');
  };

  /** How far the page is wider than a 375-pixel phone, and which elements stick out past it (none, for a fit). */
  async function phoneOverflow(page: Page): Promise<{ overflow: number; sticksOut: string[] }> {
    // Against the device's 375 pixels, not window.innerWidth: on a mobile viewport Chromium widens the layout
    // viewport to whatever overflows (and zooms out), so innerWidth grows with the overflow it should reveal.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - 375');
    const sticksOut = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > 375 + 0.5)
      .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className ? '.' + element.className : ''))`);
    return { overflow: Math.max(overflow, 0), sticksOut };
  }

  /** Sends the password step of the login form; with two-factor login on, the page then asks for a code. */
  async function sendPassword(page: Page, username: string, remember = false): Promise<void> {
    await page.goto(demo.baseUrl);
    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.setChecked('#login-form input[name=remember]', remember);
    await page.click('#login-form button[type=submit]');
  }

  /** Clicks "Set up" in the two-factor panel; resolves to the key the page shows, without its spaces. */
  async function startTwoFactorSetup(page: Page): Promise<string> {
    await page.locator('#mfa-section').getByRole('button', { name: 'Set up' }).click();
    const shown = page.getByTestId('mfa-secret');
    await shown.waitFor({ state: 'visible' });
    const secret = ((await shown.textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
    return secret;
  }

  /** Enters `code` in the setup's form and presses "Enable". */
  async function enterSetupCode(page: Page, code: string): Promise<void> {
    await page.fill('#mfa-enable-form input[name=code]', code);
    await page.locator('#mfa-enable-form').getByRole('button', { name: 'Enable' }).click();
  }

  /** The recovery codes the page shows, once all ten are there. */
  async function shownRecoveryCodes(page: Page): Promise<string[]> {
    const list = page.getByTestId('recovery-codes');
    await list.locator('li').nth(9).waitFor();
    return (await list.locator('li').allTextContents()).map((code) => code.trim());
  }

  /** Opens the password form of the two-factor panel with `button` ("Disable" or "New recovery codes") and sends `password`. */
  async function confirmWithPassword(
    page: Page,
    button: 'Disable' | 'New recovery codes',
    password: string,
  ): Promise<void> {
    if (await page.locator('#mfa-password-form').isHidden())
      await page.locator('#mfa-on').getByRole('button', { name: button, exact: true }).click();
    await page.fill('#mfa-password-form input[name=password]', password);
    await page.click('#mfa-password-submit');
  }

  it('registers, confirms through the mailed link, logs in, and tests auth with GET and POST', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await register(page, 'winona');
    await page.screenshot({ path: join(SCREENSHOTS, '1-logged-out.png'), fullPage: true });
    await logIn(page, 'winona');
    await page.click('#test-get');
    await expectText(result(page), '200 {"message":"Hello winona!"}');
    await page.click('#test-post');
    await expectText(result(page), '200 {"message":"Hello winona! Posted!"}');
    await page.screenshot({ path: join(SCREENSHOTS, '2-logged-in.png'), fullPage: true });
    await context.close();
  });

  it('keeps a login without "remember me" for this tab only, and one with it for the browser', async () => {
    const context = await newContext();
    const tab = await context.newPage();
    await logIn(tab, 'winona');
    await tab.reload();
    await expectText(who(tab), 'Logged in as winona');
    const otherTab = await context.newPage();
    await otherTab.goto(demo.baseUrl);
    await expectText(who(otherTab), 'Not logged in');
    expect(await otherTab.evaluate('localStorage.length')).toBe(0);

    await logIn(otherTab, 'winona', true);
    const thirdTab = await context.newPage();
    await thirdTab.goto(demo.baseUrl);
    await expectText(who(thirdTab), 'Logged in as winona');
    await context.close();
  });

  it('lists the sessions, revokes another one, and after logging out shows the 401', async () => {
    const [phone, laptop] = [
      await newContext({ userAgent: 'PhoneBrowser/1.0' }),
      await newContext({ userAgent: 'LaptopBrowser/2.0' }),
    ];
    const [phonePage, laptopPage] = [await phone.newPage(), await laptop.newPage()];
    await logIn(phonePage, 'winona');
    await logIn(laptopPage, 'winona');
    await laptopPage.reload();
    // The server's own view of the two sessions: each entry shows `device` when the server names one, else the
    // raw User-Agent, and the IP; only the laptop's own entry says "this device".
    type Session = {
      id: string;
      current: boolean;
      userAgent: string | null;
      device?: string | null;
      ip: string | null;
    };
    const mine = async (page: Page) =>
      (
        (await (
          await fetch(`${demo.baseUrl}/auth/sessions`, {
            headers: { Authorization: `Bearer ${await storedToken(page)}` },
          })
        ).json()) as Session[]
      ).find((session) => session.current) as Session;
    const [phoneSession, laptopSession] = [await mine(phonePage), await mine(laptopPage)];
    expect([phoneSession.userAgent, laptopSession.userAgent]).toEqual(['PhoneBrowser/1.0', 'LaptopBrowser/2.0']);
    const phoneEntry = laptopPage.locator(`#sessions li[data-session="${phoneSession.id}"]`);
    const laptopEntry = laptopPage.locator(`#sessions li[data-session="${laptopSession.id}"]`);
    await phoneEntry.waitFor();
    await expect(phoneEntry.locator('.device').textContent()).resolves.toBe(
      phoneSession.device || phoneSession.userAgent,
    );
    await expect(laptopEntry.locator('.device').textContent()).resolves.toBe(
      laptopSession.device || laptopSession.userAgent,
    );
    await expect(phoneEntry.locator('.ip').textContent()).resolves.toBe(`IP ${phoneSession.ip}`);
    expect(phoneSession.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    await expect(
      laptopPage.locator('#sessions li', { hasText: 'this device' }).getAttribute('data-session'),
    ).resolves.toBe(laptopSession.id);
    await expect(laptopPage.locator('#sessions .tag').count()).resolves.toBe(1);
    await laptopPage.screenshot({ path: join(SCREENSHOTS, '3-sessions.png'), fullPage: true });
    await phoneEntry.getByRole('button', { name: 'Revoke' }).click();
    await phoneEntry.waitFor({ state: 'detached' });

    await phonePage.click('#test-get');
    await expectText(result(phonePage), /^401 /);

    await laptopPage.click('#logout');
    await expectText(who(laptopPage), 'Not logged in');
    await laptopPage.click('#test-get');
    await expectText(
      result(laptopPage),
      '401 {"message":"Authentication credentials were not provided.","error":"Unauthorized","statusCode":401}',
    );
    await laptopPage.screenshot({ path: join(SCREENSHOTS, '4-logged-out-401.png'), fullPage: true });
    await phone.close();
    await laptop.close();
  });

  it('logs out everywhere', async () => {
    const [one, two] = [await newContext(), await newContext()];
    const [a, b] = [await one.newPage(), await two.newPage()];
    await logIn(a, 'winona');
    await logIn(b, 'winona');
    await a.click('#logout-everywhere');
    await expectText(who(a), 'Not logged in');
    await b.click('#test-get');
    await expectText(result(b), /^401 /);
    await one.close();
    await two.close();
  });

  it('shows a live connection that drops when the session is logged out from another device', async () => {
    const [one, two] = [await newContext(), await newContext()];
    const [phone, laptop] = [await one.newPage(), await two.newPage()];
    await logIn(phone, 'winona');
    await expectText(live(phone), 'Live: connected as winona');
    await logIn(laptop, 'winona');
    await expectText(live(laptop), 'Live: connected as winona');
    await laptop.screenshot({ path: join(SCREENSHOTS, '16-live-connection.png'), fullPage: true });
    // The laptop revokes the phone's session; the phone is told by its socket, without a click.
    const phoneSession = laptop.locator('#sessions li', { hasNotText: 'this device' }).first();
    await phoneSession.getByRole('button', { name: 'Revoke' }).click();
    await expectText(live(phone), 'Live connection closed: this session was logged out');
    await expectText(who(phone), 'Not logged in');
    await expectText(live(laptop), 'Live: connected as winona');
    // Logging out in this tab closes the connection without the message of a remote logout.
    await laptop.click('#logout');
    await expectText(live(laptop), 'No live connection');
    await one.close();
    await two.close();
  });

  it('creates an API token with hello:read only, shows it once, lists its first use, and revokes it', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.baseUrl });
    const page = await context.newPage();
    await logIn(page, 'winona');
    await page.locator('#tokens-section').waitFor({ state: 'visible' });
    await createToken(page, 'CI read-only', ['hello:read'], '2592000');

    // The raw token, shown this once with a hint, in the page only: never in localStorage or sessionStorage.
    const shown = page.getByTestId('new-token');
    await shown.waitFor({ state: 'visible' });
    const token = ((await shown.textContent()) ?? '').trim();
    expect(token).toMatch(/^natapi_[0-9A-Za-z]+$/);
    await expect(page.locator('#new-token').textContent()).resolves.toContain('it will not be shown again');
    const stored = await storedValues(page);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(7, 30));
    await page.click('#copy-token');
    await page.locator('#copy-note', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await expect(page.locator('#token-form input[name=name]').inputValue()).resolves.toBe('');

    // Listed with its one scope, "never" used, and an expiry 30 days after its creation.
    const entry = page.locator('#tokens li', { hasText: 'CI read-only' });
    await entry.waitFor();
    await expect(entry.locator('.scope').allTextContents()).resolves.toEqual(['hello:read']);
    await expect(entry.locator('.last-used').textContent()).resolves.toBe('last used never');
    const [created, expires] = [Date.parse(await dateIn(entry, 'created')), Date.parse(await dateIn(entry, 'expires'))];
    expect(Math.abs(Date.now() - created)).toBeLessThan(60_000);
    expect(expires - created).toBe(30 * 86_400_000);
    await page.screenshot({ path: join(SCREENSHOTS, '7-api-token-created.png'), fullPage: true });

    // It reads the greeting, cannot post, and cannot manage credentials.
    const before = Date.now();
    await expect(call('GET', '/api/hello', token)).resolves.toMatchObject({
      status: 200,
      body: '{"message":"Hello winona!"}',
    });
    const post = await call('POST', '/api/hello', token);
    expect(post.status).toBe(403);
    expect(post.authenticate).toContain('error="insufficient_scope"');
    expect(post.authenticate).toContain('scope="hello:write"');
    await expect(call('GET', '/auth/tokens', token)).resolves.toMatchObject({ status: 403 });

    // After a reload: the raw token is gone from the page for good, and the entry shows the use.
    await page.reload();
    await expectText(who(page), 'Logged in as winona');
    await entry.locator('.last-used time').waitFor();
    const lastUsed = Date.parse(await dateIn(entry, 'last-used'));
    expect(lastUsed).toBeGreaterThanOrEqual(before - 1_000);
    expect(lastUsed).toBeLessThanOrEqual(Date.now() + 1_000);
    await expect(page.locator('#new-token').isHidden()).resolves.toBe(true);
    expect(await page.content()).not.toContain(token);
    await page.screenshot({ path: join(SCREENSHOTS, '8-api-token-used.png'), fullPage: true });

    // Revoked through the page: gone from the list, and the token gets 401.
    await entry.getByRole('button', { name: 'Revoke' }).click();
    await entry.waitFor({ state: 'detached' });
    const revoked = await call('GET', '/api/hello', token);
    expect(revoked.status).toBe(401);
    expect(revoked.authenticate).toBeTruthy();
    // The login token of the page is untouched.
    await page.click('#test-get');
    await expectText(result(page), '200 {"message":"Hello winona!"}');
    await context.close();
  });

  it('asks for the password before creating a token when the login is older than the re-authentication window', async () => {
    const page = await (await newContext()).newPage();
    await register(page, 'sudoer');
    await logIn(page, 'sudoer');
    await page.locator('#tokens-section').waitFor({ state: 'visible' });
    // The login was an hour ago, as far as the server knows.
    const database = new Database(join(workDir, 'browser.sqlite'));
    try {
      const digest = createHash('sha256')
        .update(await storedToken(page))
        .digest('hex');
      // As TypeORM writes a datetime on SQLite: UTC, 'YYYY-MM-DD HH:MM:SS.SSS'.
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
      expect(
        database.prepare('UPDATE auth_token SET authenticatedAt = ? WHERE digest = ?').run(anHourAgo, digest).changes,
      ).toBe(1);
    } finally {
      database.close();
    }
    await createToken(page, 'after a proof', ['hello:read']);
    const dialog = page.locator('#reauth-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.fill('#reauth-form input[name=password]', 'not my password');
    await page.click('#reauth-form button[type=submit]');
    await page.locator('#reauth-password-error', { hasText: 'Wrong password.' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '9-reauthentication.png'), fullPage: true });
    await page.fill('#reauth-form input[name=password]', PASSWORD);
    await page.click('#reauth-form button[type=submit]');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('new-token').waitFor({ state: 'visible' });
    await page.locator('#tokens li', { hasText: 'after a proof' }).waitFor();
    await page.context().close();
  });

  it('shows the field errors of a 400 beside the form, and the 409 past the cap', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await logIn(page, 'winona');
    const count = async () =>
      ((await call('GET', '/auth/tokens', await storedToken(page))).body.match(/"id"/g) ?? []).length;
    const listed = await count();

    // An empty name: the message beside the name field, which is marked invalid; nothing created.
    await createToken(page, '', ['hello:read']);
    const nameError = page.locator('#token-form [data-error-for=name]');
    await nameError.filter({ hasText: /name/ }).waitFor({ state: 'visible' });
    await expect(page.locator('#token-form input[name=name]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#new-token').isHidden()).resolves.toBe(true);
    // Spaces only: refused too (the server trims the name).
    await createToken(page, '   ', []);
    await nameError.filter({ hasText: 'name must be 1 to 100 characters' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SCREENSHOTS, '9-api-token-400.png'), fullPage: true });
    expect(await count()).toBe(listed);

    // A good name clears the errors.
    await createToken(page, 'no scopes at all', []);
    await page.getByTestId('new-token').waitFor({ state: 'visible' });
    await expect(nameError.isHidden()).resolves.toBe(true);
    await expect(page.locator('#token-form input[name=name]').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(
      page.locator('#tokens li', { hasText: 'no scopes at all' }).locator('.scopes').textContent(),
    ).resolves.toBe('no scopes');

    // Past the cap (100 API tokens per user), a 409 with its message under the form, and the list brought up to date.
    const login = await storedToken(page);
    try {
      for (let made = await count(); made < 100; made++) {
        const response = await fetch(`${demo.baseUrl}/auth/tokens`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${login}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `bulk ${made}`, scopes: [] }),
        });
        expect(response.status).toBe(201);
      }
      await createToken(page, 'one too many', ['hello:read']);
      await page.locator('#token-message.error', { hasText: 'revoke one first' }).waitFor();
      await page.locator('#tokens li', { hasText: 'bulk 99' }).waitFor();
      await expect(page.locator('#tokens li').count()).resolves.toBe(100);
      await expect(page.locator('#tokens li', { hasText: 'one too many' }).count()).resolves.toBe(0);
    } finally {
      // Back under the cap (revoked from the test), for the tests that follow.
      type Listed = { id: string; name: string };
      for (const { id } of (JSON.parse((await call('GET', '/auth/tokens', login)).body) as Listed[]).filter(
        ({ name }) => name.startsWith('bulk ') || name === 'no scopes at all',
      )) {
        expect((await call('DELETE', `/auth/tokens/${id}`, login)).status).toBe(204);
      }
    }
    await context.close();
  });

  it('fits a phone-sized screen', async () => {
    const context = await newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    const page = await context.newPage();
    await logIn(page, 'winona');
    // The API tokens panel with a shown token, a long unbroken name and both scopes must fit too.
    await createToken(page, `phone-${'x'.repeat(90)}`, ['hello:read', 'hello:write'], '604800');
    await page.getByTestId('new-token').waitFor({ state: 'visible' });
    await page.locator('#tokens li', { hasText: 'phone-' }).waitFor();
    await expect(phoneOverflow(page)).resolves.toEqual({ overflow: 0, sticksOut: [] });
    await page.screenshot({ path: join(SCREENSHOTS, '5-phone.png'), fullPage: true });

    // The two-factor panel: while setting up (QR code and key), then with the recovery codes, the "on" state and
    // the password form open. Turned off again through the page (or from the test, should a step fail).
    try {
      const secret = await startTwoFactorSetup(page);
      await page.getByTestId('mfa-qr').waitFor({ state: 'visible' });
      await expect(phoneOverflow(page)).resolves.toEqual({ overflow: 0, sticksOut: [] });
      await page.screenshot({ path: join(SCREENSHOTS, '14-phone-two-factor-setup.png'), fullPage: true });
      await enterSetupCode(page, totp(secret));
      await shownRecoveryCodes(page);
      await page.locator('#mfa-on').getByRole('button', { name: 'Disable', exact: true }).click();
      await page.locator('#mfa-password-form').waitFor({ state: 'visible' });
      await expect(phoneOverflow(page)).resolves.toEqual({ overflow: 0, sticksOut: [] });
      await page.screenshot({ path: join(SCREENSHOTS, '15-phone-two-factor-on.png'), fullPage: true });
      await confirmWithPassword(page, 'Disable', PASSWORD);
      await page.locator('#mfa-off').waitFor({ state: 'visible' });
    } finally {
      // Off for the tests that follow, which log winona in with her password alone (a 400 when it is off already).
      const headers = { Authorization: `Bearer ${await storedToken(page)}`, 'Content-Type': 'application/json' };
      await fetch(`${demo.baseUrl}/auth/mfa/disable`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ password: PASSWORD }),
      });
    }
    await context.close();
  });

  it('sets up two-factor login with a QR code, logs in with a code and with a recovery code, and turns it off', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.baseUrl });
    const page = await context.newPage();
    await register(page, 'ottilie');
    await logIn(page, 'ottilie');
    await page.locator('#mfa-section').waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-on').isHidden()).resolves.toBe(true);

    // Set up: a QR code of the otpauth URL (an image made in the page, as a data: URL) and the key to type in.
    const secret = await startTwoFactorSetup(page);
    const qr = page.getByTestId('mfa-qr');
    await qr.waitFor({ state: 'visible' });
    type Img = { src: string; complete: boolean; naturalWidth: number; naturalHeight: number };
    const image = await qr.evaluate((element) => {
      const img = element as unknown as Img;
      return { src: img.src, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight };
    });
    expect(image.src).toMatch(/^data:image\/(gif|png);base64,/);
    expect(image).toMatchObject({ complete: true });
    expect(image.width).toBeGreaterThanOrEqual(21 * 2); // a version-1 code at 2 pixels a module at least
    expect(image.height).toBe(image.width);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    const otpauth = new URL((await page.locator('#mfa-otpauth').getAttribute('href')) ?? '');
    expect(`${otpauth.protocol}//${otpauth.host}`).toBe('otpauth://totp');
    expect(otpauth.searchParams.get('secret')).toBe(secret);
    expect(await storedValues(page)).not.toContain(secret);
    await page.screenshot({ path: join(SCREENSHOTS, '10-two-factor-setup.png'), fullPage: true });

    // A wrong code: the 400 beside the field, nothing on. Then the app's code turns it on.
    const current = new Set([-1, 0, 1].map((skew) => totp(secret, stepAt() + skew)));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !current.has(code)) as string;
    await enterSetupCode(page, wrong);
    await page.locator('#mfa-code-error').filter({ hasText: /code/ }).waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-enable-form input[name=code]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#mfa-on').isHidden()).resolves.toBe(true);
    const enabledIn = stepAt();
    await enterSetupCode(page, totp(secret, enabledIn));

    // Ten recovery codes, shown this once, with a note to save them; then "on" with Disable and New recovery codes.
    const codes = await shownRecoveryCodes(page);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^\S{6,}$/);
    await expect(page.locator('#mfa-codes').textContent()).resolves.toContain('will not be shown again');
    await page.locator('#mfa-on', { hasText: 'Two-factor login is on' }).waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-off').isHidden()).resolves.toBe(true);
    await expect(page.locator('#mfa-setup-step').isHidden()).resolves.toBe(true);
    await expect(page.getByTestId('mfa-secret').textContent()).resolves.toBe('');
    const stored = await storedValues(page);
    for (const code of codes) expect(stored).not.toContain(code);
    await page.locator('#mfa-codes').getByRole('button', { name: 'Copy' }).click();
    await page.locator('#mfa-copy-note', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(codes.join('\n'));
    await page.screenshot({ path: join(SCREENSHOTS, '11-two-factor-recovery-codes.png'), fullPage: true });
    await page.locator('#mfa-codes').getByRole('button', { name: 'I have saved them' }).click();
    await expect(page.locator('#mfa-codes').isHidden()).resolves.toBe(true);
    await page.reload();
    await page.locator('#mfa-on', { hasText: 'Two-factor login is on' }).waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-codes').isHidden()).resolves.toBe(true);
    expect(await page.content()).not.toContain(codes[0]);

    // Log in again: the password alone gives no token, the page asks for the code. A wrong code: 401's message.
    await page.click('#logout');
    await expectText(who(page), 'Not logged in');
    const passwordStep = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/login');
    await sendPassword(page, 'ottilie', true);
    const firstStep = (await (await passwordStep).json()) as {
      mfaRequired?: boolean;
      mfaToken?: string;
      token?: string;
    };
    expect(firstStep).toEqual({ mfaRequired: true, mfaToken: match.any(String), methods: ['totp'] });
    await page.locator('#mfa-login-form').waitFor({ state: 'visible' });
    await expect(page.locator('#login-form').isHidden()).resolves.toBe(true);
    await expectText(who(page), 'Not logged in');
    expect(await storedValues(page)).not.toContain(firstStep.mfaToken);
    await page.screenshot({ path: join(SCREENSHOTS, '12-two-factor-login.png'), fullPage: true });
    const later = new Set([-1, 0, 1].map((skew) => totp(secret, stepAt() + skew)));
    await page.fill(
      '#mfa-login-form input[name=code]',
      ['999999', '888888', '777777'].find((code) => !later.has(code)) as string,
    );
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await page.locator('#login-message.error', { hasText: 'Wrong code' }).waitFor();

    // The code of the step that enabled it was spent then: the next step's code logs in, with "remember me".
    const loginStep = await stepAfter(enabledIn);
    const code = totp(secret, loginStep);
    await page.fill('#mfa-login-form input[name=code]', code);
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await expectText(who(page), 'Logged in as ottilie');
    await expect(page.evaluate('localStorage.getItem("auth-token")')).resolves.toMatch(/^nat_/);
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(0);
    await page.click('#test-get');
    await expectText(result(page), '200 {"message":"Hello ottilie!"}');

    // The same code again is refused (401), however quick: a code is accepted once.
    await page.click('#logout');
    await sendPassword(page, 'ottilie');
    await page.fill('#mfa-login-form input[name=code]', code);
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await page.locator('#login-message.error', { hasText: 'already used' }).waitFor();
    await expectText(who(page), 'Not logged in');

    // "Use a recovery code instead": the first recovery code logs in (this tab only, without "remember me").
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.locator('#mfa-login-form input[name=recoveryCode]').waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-login-form input[name=code]').isHidden()).resolves.toBe(true);
    await page.fill('#mfa-login-form input[name=recoveryCode]', codes[0]);
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await expectText(who(page), 'Logged in as ottilie');
    await expect(page.evaluate('sessionStorage.getItem("auth-token")')).resolves.toMatch(/^nat_/);
    await expect(page.evaluate('localStorage.length')).resolves.toBe(0);

    // A recovery code works once.
    await page.click('#logout');
    await sendPassword(page, 'ottilie');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.fill('#mfa-login-form input[name=recoveryCode]', codes[0]);
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await page.locator('#login-message.error', { hasText: 'recovery code' }).waitFor();
    await expectText(who(page), 'Not logged in');
    await page.fill('#mfa-login-form input[name=recoveryCode]', codes[1]);
    await page.locator('#mfa-login-form').getByRole('button', { name: 'Verify' }).click();
    await expectText(who(page), 'Logged in as ottilie');

    // New recovery codes, after the password (a wrong one: its 400 beside the field): ten others, shown once.
    await confirmWithPassword(page, 'New recovery codes', 'not the password');
    await page.locator('#mfa-password-error').filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-codes').isHidden()).resolves.toBe(true);
    await confirmWithPassword(page, 'New recovery codes', PASSWORD);
    const renewed = await shownRecoveryCodes(page);
    expect(renewed).toHaveLength(10);
    for (const old of codes) expect(renewed).not.toContain(old);
    await page.locator('#mfa-codes').getByRole('button', { name: 'I have saved them' }).click();

    // Disable: a wrong password changes nothing; the right one turns it off, and the password alone logs in.
    await confirmWithPassword(page, 'Disable', 'not the password');
    await page.locator('#mfa-password-error').filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-on').isVisible()).resolves.toBe(true);
    await confirmWithPassword(page, 'Disable', PASSWORD);
    await page.locator('#mfa-off').waitFor({ state: 'visible' });
    await expect(page.locator('#mfa-on').isHidden()).resolves.toBe(true);
    await page.locator('#mfa-message.ok', { hasText: 'Two-factor login is off' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '13-two-factor-off.png'), fullPage: true });
    await page.click('#logout');
    await logIn(page, 'ottilie');
    await expect(page.locator('#mfa-login-form').isHidden()).resolves.toBe(true);
    await context.close();
  }, 120_000);

  it('serves the page under its Content-Security-Policy, which refuses inline script (and the watch sees it)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto(demo.baseUrl);
    expect(response?.headers()['content-security-policy']).toBe(DEMO_CONTENT_SECURITY_POLICY);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await expectText(who(page), 'Not logged in');
    // An injected inline script must not run, and must be reported: proof that the watch of every test works.
    await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    })()`);
    expect(await page.evaluate('window.inlineRan === true')).toBe(false);
    const deadline = Date.now() + 5_000;
    while (!(
      violations.some((text) => text.startsWith('CSP violation: script-src')) &&
      violations.some((text) => text.includes('Content Security Policy'))
    )) {
      if (Date.now() > deadline) throw new Error(`the violation was not reported: ${JSON.stringify(violations)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await context.close();
    violations.splice(0);
  });

  it('shows the OpenAPI UI under its own policy without a violation', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto(`${demo.baseUrl}/docs`);
    expect(response?.headers()['content-security-policy']).toBe(DOCS_CONTENT_SECURITY_POLICY);
    await page.locator('.swagger-ui .opblock', { hasText: '/auth/login' }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOTS, '6-docs.png'), fullPage: false });
    await context.close();
  });

  it('answers API calls from an allowed origin (CORS) and blocks them from another', async () => {
    const login = await fetch(`${demo.baseUrl}/auth/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'winona', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const context = await newContext();
    const page = await context.newPage();
    const callFrom = async (origin: string) => {
      await page.goto(origin);
      return page.evaluate(
        async ([api, bearer]) => {
          try {
            const response = await fetch(`${api}/api/hello`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
              body: '{}',
            });
            return `${response.status} ${await response.text()}`;
          } catch (error) {
            return `blocked: ${(error as Error).name}`;
          }
        },
        [demo.baseUrl, token],
      );
    };
    expect(await callFrom(`http://127.0.0.1:${allowedPort}`)).toBe('200 {"message":"Hello winona! Posted!"}');
    expect(await callFrom(`http://127.0.0.1:${refusedPort}`)).toBe('blocked: TypeError');
    await context.close();
  });
});

describe('passkeys on the demo page, with an authenticator in the page', () => {
  /** Seconds a proof of identity lasts here: short, so that the test sees the re-authentication dialog. */
  const WINDOW = 10;
  let workDir: string;
  let demo: RunningDemo;
  let browser: Browser;
  /** The page's address: WebAuthn binds passkeys to the RP ID, which must be the page's host (not 127.0.0.1). */
  let site: string;
  const violations: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'demo-passkeys-'));
    const port = await freePort();
    site = `http://localhost:${port}`;
    demo = await startDemoProcess({
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(workDir, 'passkeys.sqlite')}`,
      AUTH_SCRYPT_COST: TEST_SCRYPT_COST,
      AUTH_WEBAUTHN_RP_ID: 'localhost',
      AUTH_WEBAUTHN_ORIGINS: site,
      AUTH_REAUTH_WINDOW: String(WINDOW),
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await rm(workDir, { recursive: true, force: true });
  });
  afterEach(() => expect(violations.splice(0)).toEqual([]));

  /**
   * A page with a platform authenticator (discoverable ES256 credentials, user verification) in it. Chromium's
   * virtual authenticator (WebAuthn.addVirtualAuthenticator over CDP) would be the one to use, but this headless
   * shell crashes at the first WebAuthn call: see fixtures/page-authenticator.js.
   */
  async function pageWithAuthenticator(): Promise<{
    page: Page;
    context: BrowserContext;
    credentials: () => Promise<number>;
  }> {
    const context = await browser.newContext();
    await context.addInitScript(REPORT_CSP_VIOLATIONS);
    await context.addInitScript({ path: join(import.meta.dirname, 'fixtures', 'page-authenticator.js') });
    context.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('CSP violation') || text.includes('Content Security Policy')) violations.push(text);
    });
    const page = await context.newPage();
    const credentials = () => page.evaluate<number>('window.pageAuthenticator.count()');
    return { page, context, credentials };
  }

  const who = (page: Page) => page.getByTestId('who');
  const expectWho = (page: Page, text: string) => who(page).filter({ hasText: text }).waitFor({ timeout: 10_000 });

  async function registerAndLogIn(page: Page, username: string): Promise<void> {
    await page.goto(site);
    await page.fill('#register-form input[name=username]', username);
    await page.fill('#register-form input[name=password]', PASSWORD);
    await page.click('#register-form button[type=submit]');
    await page.locator('#register-message', { hasText: 'You can log in now' }).waitFor();
    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await expectWho(page, `Logged in as ${username}`);
  }

  /** Confirms the re-authentication dialog with the password, if the page shows it. */
  async function passDialogIfShown(page: Page): Promise<void> {
    const dialog = page.locator('#reauth-dialog');
    if (await dialog.isVisible()) {
      await page.fill('#reauth-form input[name=password]', PASSWORD);
      await page.locator('#reauth-form button[type=submit]').click();
    }
  }

  it('adds, renames and removes passkeys, signs in with one, and uses one as the second step and to re-authenticate', async () => {
    const { page, context, credentials } = await pageWithAuthenticator();
    await registerAndLogIn(page, 'pasquale');

    // Add a passkey: the authenticator makes a discoverable credential, the panel lists it.
    const panel = page.locator('#passkeys-section');
    await panel.waitFor({ state: 'visible' });
    await page.locator('#no-passkeys').waitFor({ state: 'visible' });
    await page.fill('#passkey-add-form input[name=name]', 'Laptop');
    await page.locator('#passkey-add-form button[type=submit]').click();
    await passDialogIfShown(page);
    const entry = page.locator('#passkeys li');
    await entry.filter({ hasText: 'Laptop' }).waitFor();
    await expect(entry.count()).resolves.toBe(1);
    await expect(page.locator('#passkey-message').textContent()).resolves.toContain('Added "Laptop"');
    expect(await credentials()).toBe(1);
    await expect(entry.locator('.last-used').textContent()).resolves.toContain('never');
    await page.screenshot({ path: join(SCREENSHOTS, '14-passkeys.png'), fullPage: true });

    // Rename it in place.
    await entry.getByRole('button', { name: 'Rename' }).click();
    await entry.locator('input[name=name]').fill('Work laptop');
    await entry.getByRole('button', { name: 'Save' }).click();
    await page.locator('#passkeys li .passkey-name', { hasText: 'Work laptop' }).waitFor();

    // Sign in with it: no username, no password.
    await page.click('#logout');
    await expectWho(page, 'Not logged in');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expectWho(page, 'Logged in as pasquale');
    await page.locator('#passkeys li .last-used time').waitFor();

    // With two-factor login on, the password step offers the passkey beside the code.
    await page.locator('#mfa-section').getByRole('button', { name: 'Set up' }).click();
    await passDialogIfShown(page);
    const shown = page.getByTestId('mfa-secret');
    await shown.waitFor({ state: 'visible' });
    const secret = ((await shown.textContent()) ?? '').replace(/\s+/g, '');
    await page.fill('#mfa-enable-form input[name=code]', totp(secret));
    await page.locator('#mfa-enable-form').getByRole('button', { name: 'Enable' }).click();
    await passDialogIfShown(page);
    await page.locator('#mfa-codes').getByRole('button', { name: 'I have saved them' }).click();
    await page.click('#logout');
    const passwordStep = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/login');
    await page.fill('#login-form input[name=username]', 'pasquale');
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.click('#login-form button[type=submit]');
    expect(await (await passwordStep).json()).toEqual({
      mfaRequired: true,
      mfaToken: match.any(String),
      methods: ['totp', 'passkey'],
    });
    await page.locator('#mfa-login-form').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Use a passkey instead' }).click();
    await expectWho(page, 'Logged in as pasquale');

    // Once the proof of identity is older than the window, the dialog offers the passkey too.
    await new Promise((resolve) => setTimeout(resolve, (WINDOW + 1) * 1000));
    await page.fill('#token-form input[name=name]', 'CI');
    await page.click('#token-form button[type=submit]');
    await page.locator('#reauth-dialog').waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SCREENSHOTS, '15-reauthenticate-with-passkey.png'), fullPage: true });
    await page.locator('#reauth-dialog').getByRole('button', { name: 'Use a passkey' }).click();
    await page
      .getByTestId('new-token')
      .filter({ hasText: /^natapi_/ })
      .waitFor();
    await expect(page.locator('#reauth-dialog').isVisible()).resolves.toBe(false);

    // Remove it: it no longer signs in.
    await page.locator('#passkeys li').getByRole('button', { name: 'Remove' }).click();
    await page.locator('#no-passkeys').waitFor({ state: 'visible' });
    await page.click('#logout');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.locator('#login-message.error').filter({ hasText: /\S/ }).waitFor();
    await expectWho(page, 'Not logged in');
    await context.close();
  }, 120_000);
});
