// Builds the library, then the demo that imports it. With --if-needed, only when a source is newer than the
// last build, so `npm start` is fast after the first time.
//
// Safe to start twice at once (two terminals, or two jest runs): one build runs at a time under a lock, and
// each output folder is written beside its final place and swapped in with a rename, so a demo being started
// from dist never sees a half-deleted build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');
const lock = join(root, '.build-lock');
const inputs = [
  'libs/auth-token/src',
  'apps/demo/src',
  'apps/demo/public',
  'tsconfig.json',
  'libs/auth-token/tsconfig.lib.json',
  'apps/demo/tsconfig.app.json',
  'package-lock.json',
];

function newestChange(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestChange(join(path, name))));
}

const upToDate = () => existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newestChange));

/** Holds the lock while `work` runs; waits (up to 5 minutes) for another build, and takes over a stale lock. */
function withLock(work) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000 || Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Compiles `project` into a staging folder under dist/ (which no tsconfig includes). */
function compile(project, name) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const staging = join(root, 'dist', `.staging-${name}`);
  rmSync(staging, { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, '-p', join(root, project), '--outDir', staging], {
    stdio: 'inherit',
    cwd: root,
  });
  return staging;
}

function swapIn(staging, outDir, name) {
  const old = join(root, 'dist', `.old-${name}`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

const ifNeeded = process.argv.includes('--if-needed');
if (ifNeeded && upToDate()) process.exit(0);

withLock(() => {
  // Another build may have finished while this one waited for the lock.
  if (ifNeeded && upToDate()) return;
  console.error('Building the library and the demo...');
  const library = join(root, 'libs/auth-token/dist');
  const demo = join(root, 'dist/apps/demo');
  const libraryStaging = compile('libs/auth-token/tsconfig.lib.json', 'library');
  swapIn(libraryStaging, library, 'library');
  const demoStaging = compile('apps/demo/tsconfig.app.json', 'demo');
  // The demo page has no build step: its files are copied beside the compiled demo.
  cpSync(join(root, 'apps/demo/public'), join(demoStaging, 'public'), { recursive: true });
  swapIn(demoStaging, demo, 'demo');
  writeFileSync(stamp, new Date().toISOString());
});
