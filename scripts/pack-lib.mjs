// npm run pack:lib: builds the library alone and packs it as it would be published, into dist/pack/.
// It works in a staging folder, so the library's own dist (used by the built demo) is never touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lib = join(root, 'libs', 'auth-token');
const out = join(root, 'dist', 'pack');
const stage = join(out, 'stage');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(lib, 'tsconfig.lib.json'), '--outDir', join(stage, 'dist')], {
  stdio: 'inherit',
});
copyFileSync(join(lib, 'package.json'), join(stage, 'package.json'));
// The package's README is written for someone installing it (libs/auth-token/README.md); the repository's README
// (demo, benchmarks, Django notes) stays on GitHub.
copyFileSync(join(lib, 'README.md'), join(stage, 'README.md'));
for (const file of ['LICENSE', 'CHANGELOG.md']) copyFileSync(join(root, file), join(stage, file));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }),
);
rmSync(stage, { recursive: true, force: true });
console.log(join(out, packed[0].filename));
