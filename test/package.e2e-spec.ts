import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, startDemoProcess } from './fixtures/demo-process.js';
import { match } from './fixtures/matchers.js';

jest.setTimeout(300_000);

const run = promisify(execFile);
/** The fields of a package.json that this spec reads. */
interface PackageManifest {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}
const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
const version = (name: string) => readManifest(join(ROOT, 'node_modules', name, 'package.json')).version;

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

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the packed library in a fresh host app outside the workspace', () => {
  let app: string;
  let tarball: string;
  /** What tsc printed while compiling the host app (errors only; empty when it compiles). */
  let compileOutput: string;

  beforeAll(async () => {
    tarball = (await run(process.execPath, [join(ROOT, 'scripts', 'pack-lib.mjs')], { cwd: ROOT })).stdout
      .trim()
      .split('\n')
      .at(-1) as string;
    app = mkdtempSync(join(tmpdir(), 'host-app-'));
    const dependencies = Object.fromEntries(HOST_DEPENDENCIES.map((name) => [name, version(name)]));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'host-app',
          private: true,
          type: 'module',
          dependencies: {
            'nestjs-auth-token': `file:${tarball}`,
            ...dependencies,
            '@types/node': version('@types/node'),
          },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'ES2023',
          strict: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'dist',
          rootDir: 'src',
        },
        include: ['src'],
      }),
    );
    cpSync(join(ROOT, 'test', 'fixtures', 'host-app'), join(app, 'src'), { recursive: true });
    // Everything comes from npm's cache, filled by the workspace's own install. The native SQLite driver is
    // not rebuilt (a minute of compiling): the workspace's build of the very same version is copied instead.
    await run(
      'npm',
      ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: app, timeout: 240_000 },
    );
    cpSync(
      join(ROOT, 'node_modules', 'better-sqlite3', 'build'),
      join(app, 'node_modules', 'better-sqlite3', 'build'),
      { recursive: true },
    );
    // Compiled once, against the published types only; the type-check test reads the output, the others run dist/.
    compileOutput = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')]).then(
      ({ stdout }) => stdout,
      (error: { stdout: string }) => error.stdout,
    );
  }, 300_000);
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('ships compiled code and types only, with Nest and TypeORM as peers and the mailer optional', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toEqual(
      expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/CHANGELOG.md', 'package/package.json']),
    );
    expect(
      files.filter((file) => /\.spec\.|\/src\/|apps\/|test\/|\.ts$/.test(file) && !file.endsWith('.d.ts')),
    ).toEqual([]);
    const manifest = readManifest(join(app, 'node_modules', 'nestjs-auth-token', 'package.json'));
    // Two small runtime dependencies of its own (MIT: ua-parser-js names the device of a session, unhomoglyph maps
    // Unicode's confusables for look-alike usernames); the rest are peers.
    expect(manifest.dependencies).toEqual({
      'ua-parser-js': match.stringMatching(/^\^1\./),
      unhomoglyph: match.stringMatching(/^\^1\./),
    });
    expect(Object.keys(manifest.peerDependencies)).toEqual(
      expect.arrayContaining([
        '@nestjs/common',
        '@nestjs/core',
        '@nestjs/passport',
        '@nestjs/typeorm',
        'typeorm',
        'passport',
        'passport-custom',
        'class-validator',
      ]),
    );
    expect(manifest.peerDependenciesMeta['@nestjs-modules/mailer']).toEqual({ optional: true });
  });

  it("ships the package's own README (libs/auth-token/README.md), linking to the repository with absolute URLs only", async () => {
    const { stdout: readme } = await run('tar', ['xOzf', tarball, 'package/README.md'], { maxBuffer: 10_000_000 });
    expect(readme).toBe(readFileSync(join(ROOT, 'libs', 'auth-token', 'README.md'), 'utf8'));
    for (const section of [
      '## Install',
      '## The smallest host',
      '## What `@CurrentUser()` gives you',
      '## Tables and migrations',
      '## Usernames',
      '## Options',
    ]) {
      expect(readme).toContain(`\n${section}\n`);
    }
    expect(readme).toContain('authTokenEntities(Member)');
    expect(readme).toContain('typeorm migration:generate');
    expect(readme).not.toContain('authTokenEntityFor');
    // Markdown links and images: on npm a relative path leads nowhere, so only absolute URLs and in-page anchors.
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !/^(https:\/\/|#)/.test(target))).toEqual([]);
    const anchors = targets.filter((target) => target.startsWith('#')).map((target) => target.slice(1));
    const headings = [...readme.matchAll(/^#{2,3} (.+)$/gm)].map(([, heading]) =>
      heading
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .replace(/\s/g, '-'),
    );
    expect(anchors.filter((anchor) => !headings.includes(anchor))).toEqual([]);
  });

  it('type-checks the host app with strict TypeScript against the published types only', () => {
    expect(compileOutput).toBe('');
  });

  it('boots, logs a member in by e-mail over HTTP, and gives @CurrentUser() with its eager relation', async () => {
    const seed = { SEED_EMAIL: 'ann@example.com', SEED_PASSWORD: 'violet staple battery', SEED_NAME: 'Ann' };
    const host = await startDemoProcess(
      { DB_FILE: join(app, 'app.sqlite'), ...seed },
      app,
      join(app, 'dist', 'main.js'),
      '/profile',
    );
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
      // displayName comes from the member's eager one-to-one profile: @CurrentUser() is what the repository loads.
      expect(await profile.json()).toEqual({ email: 'ann@example.com', displayName: 'Ann' });
      expect((await fetch(`${host.baseUrl}/profile`)).status).toBe(401);
      // The entity follows the README's Usernames rule (canonicalUsername column, unique index): no fallback warning.
      expect(host.output()).not.toMatch(/canonicalUsername column/);
    } finally {
      await host.stop();
    }
  });

  it('has @simplewebauthn/server as an optional peer: a host without it that turns passkeys on stops naming it', async () => {
    expect(readManifest(join(app, 'node_modules', 'nestjs-auth-token', 'package.json')).peerDependenciesMeta).toEqual(
      expect.objectContaining({ '@simplewebauthn/server': { optional: true } }),
    );
    // The host above boots without it; this one turns passkeys on (fixtures/host-app/passkeys-main.ts).
    const failed = await run(process.execPath, [join(app, 'dist', 'passkeys-main.js')], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', DB_FILE: join(app, 'passkeys.sqlite') },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? -1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('needs the @simplewebauthn/server package (13.x), which is not installed');
  });

  it("generates the schema from the README's DataSource (authTokenEntities) with typeorm migration:generate", async () => {
    const cli = join(app, 'node_modules', 'typeorm', 'cli.js');
    const { stdout } = await run(
      process.execPath,
      [cli, 'migration:generate', 'src/migrations/auth-token', '-d', 'dist/data-source.js', '--dryrun'],
      {
        cwd: app,
        env: { PATH: process.env.PATH ?? '', DB_FILE: join(app, 'migrations.sqlite') },
        timeout: 60_000,
      },
    );
    for (const table of [
      'members',
      'member_profiles',
      'auth_token',
      'auth_email_token',
      'auth_throttle',
      'auth_passkey',
    ])
      expect(stdout).toContain(`CREATE TABLE "${table}"`);
    expect(stdout).toMatch(/CREATE UNIQUE INDEX "\w+" ON "members" \("canonicalUsername"\)/);
    expect(stdout).toMatch(/FOREIGN KEY \("userId"\) REFERENCES "members" \("id"\) ON DELETE CASCADE/);
  });
});
