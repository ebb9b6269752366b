import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { PasswordHashingBusyException } from '../errors/auth-token.exceptions.js';
import { AUTH_TOKEN_DEFAULTS } from '../options/auth-token-defaults.js';
import type { ScryptCostParameters, ScryptParameters } from '../options/auth-token-options.interface.js';
import { PasswordHasher } from './password-hasher.js';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>` in the PHC string format, unpadded base64. */
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{16,88})$/;

interface ParsedHash {
  params: ScryptCostParameters;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, length: number, p: ScryptCostParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: p.cost,
    r: p.blockSize,
    p: p.parallelization,
    // scrypt needs 128 * N * r bytes; Node refuses anything above 32 MiB unless told otherwise.
    maxmem: 128 * p.cost * p.blockSize * (p.parallelization + 1) + 1024 * 1024,
  };
  // The callback form runs on libuv's thread pool, keeping the event loop free for other requests.
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function parse(hash: string): ParsedHash | null {
  const match = PHC.exec(hash);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const params = { cost: 2 ** Number(ln), blockSize: Number(r), parallelization: Number(p) };
  if (Number(ln) < 1 || Number(ln) > 24 || params.blockSize < 1 || params.parallelization < 1) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Seconds a client is asked to wait when the queue is full. */
const BUSY_RETRY_AFTER = 5;

/** At most `limit` tasks at a time; up to `maxWaiting` others wait their turn in order, and more are refused. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new PasswordHashingBusyException(BUSY_RETRY_AFTER);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * The default {@link PasswordHasher}: scrypt from node:crypto, run asynchronously, stored as a PHC string so
 * that raising the parameters later only means rehashing each password at its next successful login.
 * At most `maxConcurrency` computations run at once (default: one fewer than the CPUs, at least one), so a
 * burst of logins cannot take every core from the requests that only check a token; at most `maxQueue` wait,
 * and past that a request is refused at once with a 503 and `Retry-After`.
 */
export class ScryptPasswordHasher extends PasswordHasher {
  private readonly params: ScryptCostParameters;
  private readonly gate: Gate;

  constructor({ maxConcurrency, maxQueue = AUTH_TOKEN_DEFAULTS.scrypt.maxQueue, ...params }: ScryptParameters = {}) {
    super();
    const { cost, blockSize, parallelization } = AUTH_TOKEN_DEFAULTS.scrypt;
    this.params = { cost, blockSize, parallelization, ...params };
    this.gate = new Gate(maxConcurrency ?? Math.max(1, availableParallelism() - 1), maxQueue);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await this.gate.run(() => derive(password, salt, KEY_LENGTH, this.params));
    const { cost, blockSize, parallelization } = this.params;
    return `$scrypt$ln=${Math.log2(cost)},r=${blockSize},p=${parallelization}$${b64(salt)}$${b64(key)}`;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    const parsed = parse(hash);
    if (!parsed) return false;
    const key = await this.gate.run(() => derive(password, parsed.salt, parsed.key.length, parsed.params));
    return timingSafeEqual(key, parsed.key);
  }

  needsRehash(hash: string): boolean {
    const parsed = parse(hash);
    if (!parsed) return true;
    const { cost, blockSize, parallelization } = parsed.params;
    return (
      cost !== this.params.cost ||
      blockSize !== this.params.blockSize ||
      parallelization !== this.params.parallelization ||
      parsed.key.length !== KEY_LENGTH
    );
  }
}
