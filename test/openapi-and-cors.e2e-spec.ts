import { startDemoApp, type DemoTestApp } from './fixtures/demo-app.js';

describe('OpenAPI documentation and CORS of the demo', () => {
  let demo: DemoTestApp;

  beforeAll(async () => {
    demo = await startDemoApp('sqlite', { env: { CORS_ORIGINS: 'http://allowed.test, https://also-allowed.test:8443' } });
  });
  afterAll(() => demo.close());

  it('serves the one-page client at /', async () => {
    const response = await demo.http().get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<form id="login-form">');
    await demo.http().get('/app.js').expect(200).expect('Content-Type', /javascript/);
  });

  it('serves the OpenAPI UI at /docs and the spec at /docs-json', async () => {
    const ui = await demo.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text.toLowerCase()).toContain('swagger');
    const spec = (await demo.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        '/api/config',
        '/api/hello',
        '/api/public',
        '/auth/login',
        '/auth/logout',
        '/auth/me',
        '/auth/password/change',
        '/auth/password/reset',
        '/auth/password/reset/confirm',
        '/auth/register',
        '/auth/register/confirm/{token}',
        '/auth/register/resend',
        '/auth/sessions',
        '/auth/sessions/{id}',
      ].sort(),
    );
    expect(spec.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/api/hello'].get.security).toEqual([{ token: [] }]);
    expect(spec.paths['/auth/sessions'].get.security).toEqual([{ token: [] }]);
    expect(spec.paths['/auth/login'].post.security).toBeUndefined();
    expect(spec.paths['/auth/login'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginDto');
    expect(Object.keys(spec.components.schemas.LoginDto.properties).sort()).toEqual(['password', 'username']);
    expect(spec.paths['/auth/login'].post.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/LoginResponseDto');
    expect(Object.keys(spec.paths['/auth/login'].post.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
    expect(Object.keys(spec.components.schemas.SessionDto.properties).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'lastUsedAt', 'userAgent']);
  });

  it.each(['http://allowed.test', 'https://also-allowed.test:8443'])('gives %s the CORS headers and answers its preflight', async (origin) => {
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
  });

  it('gives another origin no CORS headers', async () => {
    const preflight = await demo.http().options('/api/hello').set('Origin', 'http://evil.test').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await demo.http().get('/api/public').set('Origin', 'http://evil.test');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});
