import { DEMO_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../apps/demo/src/http/security-headers.js';
import { json, type OpenApiDocument } from './fixtures/answers.js';
import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';
import { TEST_PLATFORMS } from './fixtures/platforms.js';

describe.each(TEST_PLATFORMS)('OpenAPI documentation and CORS of the demo (%s)', (platform) => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp('sqlite', {
      platform,
      env: { CORS_ORIGINS: 'http://allowed.test, https://also-allowed.test:8443' },
    });
  });
  afterAll(() => demo.close());

  it('serves the one-page client at /', async () => {
    const response = await demo.http().get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<form id="login-form">');
    await demo
      .http()
      .get('/app.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
  });

  it('serves the OpenAPI UI at /docs and the spec at /docs-json', async () => {
    const ui = await demo.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text.toLowerCase()).toContain('swagger');
    const spec = (await json<OpenApiDocument>(demo.http().get('/docs-json').expect(200))).body;
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        '/api/config',
        '/api/hello',
        '/api/public',
        '/api/whoami',
        '/auth/login',
        '/auth/logout',
        '/auth/me',
        '/auth/password/change',
        '/auth/password/reset',
        '/auth/password/reset/confirm',
        '/auth/reauthenticate',
        '/auth/register',
        '/auth/register/confirm/{token}',
        '/auth/register/resend',
        '/auth/sessions',
        '/auth/sessions/{id}',
        '/auth/tokens',
        '/auth/tokens/{id}',
        '/auth/tokens/leaked',
        '/auth/tokens/revoke',
        '/auth/security-log',
        '/auth/login/mfa',
        '/auth/mfa/totp/setup',
        '/auth/mfa/totp/enable',
        '/auth/mfa/disable',
        '/auth/mfa/recovery-codes',
        '/auth/login/mfa/passkey/options',
        '/auth/login/passkey',
        '/auth/login/passkey/options',
        '/auth/passkeys',
        '/auth/passkeys/{id}',
        '/auth/passkeys/register',
        '/auth/passkeys/register/options',
        '/auth/reauthenticate/passkey/options',
      ].sort(),
    );
    expect(spec.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Routes that need a scope name it in their security requirement, and the scheme lists the demo's scopes.
    expect(spec.paths['/api/hello'].get.security).toEqual([{ token: ['hello:read'] }]);
    expect(spec.paths['/api/hello'].post.security).toEqual([{ token: ['hello:write'] }]);
    expect(spec.components.securitySchemes.token.description).toContain('hello:read');
    expect(spec.paths['/auth/tokens'].post.security).toEqual([{ token: [] }]);
    expect(Object.keys(spec.paths['/auth/tokens'].post.responses).sort()).toEqual(['201', '400', '401', '403', '409']);
    expect(spec.paths['/auth/sessions'].get.security).toEqual([{ token: [] }]);
    expect(spec.paths['/auth/login'].post.security).toBeUndefined();
    expect(spec.paths['/auth/login'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/LoginDto',
    );
    expect(Object.keys(spec.components.schemas.LoginDto.properties).sort()).toEqual(['password', 'username']);
    expect(spec.paths['/auth/login'].post.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/LoginResponseDto',
    );
    expect(Object.keys(spec.paths['/auth/login'].post.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
    expect(Object.keys(spec.components.schemas.SessionDto.properties).sort()).toEqual([
      'createdAt',
      'current',
      'device',
      'expiresAt',
      'id',
      'ip',
      'lastUsedAt',
      'userAgent',
    ]);
  });

  it('sends a Content-Security-Policy without inline script, nosniff and no-referrer with every answer', async () => {
    // The policy spelled out once here, so that a change to it is a change to this test too.
    expect(DEMO_CONTENT_SECURITY_POLICY).toBe(
      "script-src 'self'; style-src 'self'; default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    const answers = [
      await demo.http().get('/'),
      await demo.http().get('/app.js'),
      await demo.http().get('/style.css'),
      await demo.http().get('/api/public'),
      await demo.http().post('/auth/login').send({ username: 'nobody', password: 'x' }),
      await demo.http().get('/no/such/page'),
      await demo.http().get('/docs-json'),
      await demo
        .http()
        .options('/api/hello')
        .set('Origin', 'http://allowed.test')
        .set('Access-Control-Request-Method', 'POST'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 401, 404, 200, 204]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe(DEMO_CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
    // The page itself needs nothing inline: no <script> or <style> block, no style or on... attribute.
    const page = answers[0].text;
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(page).not.toMatch(/<style\b/i);
    expect(page).not.toMatch(/\s(style|on[a-z]+)\s*=/i);
  });

  it.each(['/docs', '/docs/', '/Docs', '/docs/swagger-ui-init.js'])(
    'gives the OpenAPI UI (%s) its own policy: inline styles, still no inline script',
    async (path) => {
      const response = await demo.http().get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toBe(DOCS_CONTENT_SECURITY_POLICY);
      expect(DOCS_CONTENT_SECURITY_POLICY).toBe(
        DEMO_CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it.each(['http://allowed.test', 'https://also-allowed.test:8443'])(
    'gives %s the CORS headers and answers its preflight',
    async (origin) => {
      const preflight = await demo
        .http()
        .options('/api/hello')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
      const simple = await demo.http().get('/api/public').set('Origin', origin);
      expect(simple.headers['access-control-allow-origin']).toBe(origin);
    },
  );

  it('gives another origin no CORS headers', async () => {
    const preflight = await demo
      .http()
      .options('/api/hello')
      .set('Origin', 'http://evil.test')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await demo.http().get('/api/public').set('Origin', 'http://evil.test');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});
