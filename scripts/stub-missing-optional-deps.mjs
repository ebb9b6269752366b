// Why: the npm registry mirror this project is built against lacks some platform-only optional packages
// (e.g. jest 30's @unrs/resolver-binding-win32-*). npm then leaves them out of package-lock.json and `npm ci`
// refuses the lockfile as out of sync. This adds a lock entry, with its os/cpu guessed from the package name,
// for every such missing optional dependency, so `npm ci` skips it as platform-incompatible.
// Run it after `npm install` whenever `npm ci --dry-run` reports "Missing: ... from lock file".
import { readFileSync, writeFileSync } from 'node:fs';

const OSES = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix'];
const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];
const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];

for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OSES.find((candidate) => parts.includes(candidate));
    const cpu = CPUS.find((candidate) => parts.includes(candidate));
    if (!os || !cpu || (os === process.platform && cpu === process.arch)) continue;
    lock.packages[key] = { version, cpu: [cpu], ...(entry.dev ? { dev: true } : {}), optional: true, os: [os] };
    added.push(`${name}@${version}`);
  }
}

const packages = Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
lock.packages = Object.fromEntries(packages.map((key) => [key, lock.packages[key]]));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added lock entries for: ${added.join(', ')}` : 'Nothing to add.');
