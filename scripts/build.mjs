// Builds the library, then the demo that imports it. With --if-needed, only when a source is newer than the
// last build, so `npm start` is fast after the first time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['libs/auth-token/src', 'apps/demo/src', 'apps/demo/public', 'tsconfig.json', 'libs/auth-token/tsconfig.lib.json', 'apps/demo/tsconfig.app.json', 'package-lock.json'];

function newestChange(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestChange(join(path, name))));
}

if (process.argv.includes('--if-needed') && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newestChange))) {
  process.exit(0);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
rmSync(join(root, 'libs/auth-token/dist'), { recursive: true, force: true });
rmSync(join(root, 'dist'), { recursive: true, force: true });
console.error('Building the library and the demo...');
for (const project of ['libs/auth-token/tsconfig.lib.json', 'apps/demo/tsconfig.app.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit', cwd: root });
}
// The demo page has no build step: its files are copied beside the compiled demo.
cpSync(join(root, 'apps/demo/public'), join(root, 'dist/apps/demo/public'), { recursive: true });
writeFileSync(stamp, new Date().toISOString());
