// npm run pack:lib: builds the library alone and packs it as it would be published, into dist/pack/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lib = join(root, 'libs', 'auth-token');
const out = join(root, 'dist', 'pack');

rmSync(join(lib, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(lib, 'tsconfig.lib.json')], { stdio: 'inherit' });
for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) copyFileSync(join(root, file), join(lib, file));
mkdirSync(out, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: lib, encoding: 'utf8' }));
console.log(join(out, packed[0].filename));
