import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, startDemoProcess } from './fixtures/demo-process.js';

jest.setTimeout(300_000);

const run = promisify(execFile);
const version = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;

/** The packages a host app installs beside the library (the versions this workspace tests with). */
const HOST_DEPENDENCIES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/platform-express',
  '@nestjs/passport',
  '@nestjs/typeorm',
  'typeorm',
  'better-sqlite3',
  'class-transformer',
  'class-validator',
  'passport',
  'passport-custom',
  'reflect-metadata',
  'rxjs',
];

describe('the packed library in a fresh host app outside the workspace', () => {
  let app: string;
  let tarball: string;

  beforeAll(async () => {
    tarball = (await run(process.execPath, [join(ROOT, 'scripts', 'pack-lib.mjs')], { cwd: ROOT })).stdout.trim().split('\n').at(-1) as string;
    app = mkdtempSync(join(tmpdir(), 'host-app-'));
    const dependencies = Object.fromEntries(HOST_DEPENDENCIES.map((name) => [name, version(name)]));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'host-app', private: true, type: 'module', dependencies: { 'nestjs-auth-token': `file:${tarball}`, ...dependencies, '@types/node': version('@types/node') } }, null, 2),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'ES2023', strict: true, experimentalDecorators: true, emitDecoratorMetadata: true, skipLibCheck: false, types: ['node'], outDir: 'dist', rootDir: 'src' },
        include: ['src'],
      }),
    );
    cpSync(join(ROOT, 'test', 'fixtures', 'host-app'), join(app, 'src'), { recursive: true });
    // Everything comes from npm's cache, filled by the workspace's own install. The native SQLite driver is
    // not rebuilt (a minute of compiling): the workspace's build of the very same version is copied instead.
    await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, timeout: 240_000 });
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build'), join(app, 'node_modules', 'better-sqlite3', 'build'), { recursive: true });
  }, 300_000);
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('ships compiled code and types only, with Nest and TypeORM as peers and the mailer optional', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/CHANGELOG.md', 'package/package.json']));
    expect(files.filter((file) => /\.spec\.|\/src\/|apps\/|test\/|\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'nestjs-auth-token', 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.peerDependencies)).toEqual(expect.arrayContaining(['@nestjs/common', '@nestjs/core', '@nestjs/passport', '@nestjs/typeorm', 'typeorm', 'passport', 'passport-custom', 'class-validator']));
    expect(manifest.peerDependenciesMeta['@nestjs-modules/mailer']).toEqual({ optional: true });
  });

  it('type-checks the host app with strict TypeScript against the published types only', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json'), '--noEmit']).catch((error: { stdout: string }) => error);
    expect((result as { stdout: string }).stdout).toBe('');
  });

  it('boots and logs a member in over HTTP', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')]);
    const host = await startDemoProcess({ DB_FILE: join(app, 'app.sqlite'), SEED_EMAIL: 'ann@example.com', SEED_PASSWORD: 'violet staple battery' }, app, join(app, 'dist', 'main.js'), '/profile');
    try {
      const login = await fetch(`${host.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'ANN@example.com', password: 'violet staple battery' }),
      });
      expect(login.status).toBe(200);
      const { token, user } = (await login.json()) as { token: string; user: { email: string } };
      expect(user.email).toBe('ann@example.com');
      const profile = await fetch(`${host.baseUrl}/profile`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await profile.json()).toEqual({ email: 'ann@example.com' });
      expect((await fetch(`${host.baseUrl}/profile`)).status).toBe(401);
    } finally {
      await host.stop();
    }
  });
});
