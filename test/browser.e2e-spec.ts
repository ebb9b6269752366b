import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../apps/demo/src/http/security-headers.js';
import { TEST_SCRYPT_COST } from './fixtures/demo-app.js';
import { launchBrowser, SCREENSHOTS } from './fixtures/browser.js';
import { startDemoProcess, type RunningDemo } from './fixtures/demo-process.js';
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

/** A page on another origin, to call the API from (CORS). */
function otherOrigin(port: number): Promise<Server> {
  const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other origin</title>'));
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
    const [phone, laptop] = [await newContext({ userAgent: 'PhoneBrowser/1.0' }), await newContext({ userAgent: 'LaptopBrowser/2.0' })];
    const [phonePage, laptopPage] = [await phone.newPage(), await laptop.newPage()];
    await logIn(phonePage, 'winona');
    await logIn(laptopPage, 'winona');
    await laptopPage.reload();
    const phoneEntry = laptopPage.locator('#sessions li', { hasText: 'PhoneBrowser/1.0' });
    await phoneEntry.waitFor();
    await expect(laptopPage.locator('#sessions li', { hasText: 'this device' }).textContent()).resolves.toContain('LaptopBrowser/2.0');
    await laptopPage.screenshot({ path: join(SCREENSHOTS, '3-sessions.png'), fullPage: true });
    await phoneEntry.getByRole('button', { name: 'Revoke' }).click();
    await phoneEntry.waitFor({ state: 'detached' });

    await phonePage.click('#test-get');
    await expectText(result(phonePage), /^401 /);

    await laptopPage.click('#logout');
    await expectText(who(laptopPage), 'Not logged in');
    await laptopPage.click('#test-get');
    await expectText(result(laptopPage), '401 {"message":"Authentication credentials were not provided.","error":"Unauthorized","statusCode":401}');
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

  it('fits a phone-sized screen', async () => {
    const context = await newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    const page = await context.newPage();
    await logIn(page, 'winona');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '5-phone.png'), fullPage: true });
    await context.close();
  });

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
    while (!(violations.some((text) => text.startsWith('CSP violation: script-src')) && violations.some((text) => text.includes('Content Security Policy')))) {
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
    const login = await fetch(`${demo.baseUrl}/auth/login`, { method: 'POST', body: new URLSearchParams({ username: 'winona', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const context = await newContext();
    const page = await context.newPage();
    const callFrom = async (origin: string) => {
      await page.goto(origin);
      return page.evaluate(
        async ([api, bearer]) => {
          try {
            const response = await fetch(`${api}/api/hello`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: '{}' });
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
