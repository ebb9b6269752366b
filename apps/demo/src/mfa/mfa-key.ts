import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DemoDatabase } from '../config/demo-config.js';

/**
 * The key that encrypts TOTP secrets: AUTH_MFA_ENCRYPTION_KEY when set (production: keep it out of the
 * database and its backups), else one the demo makes once and keeps in a file (0600) beside the SQLite file, or
 * in data/ (shared by every instance started from this folder). An in-memory database gets a key of its own.
 */
export function demoMfaKey(database: DemoDatabase, fromEnv: string | undefined): string | Buffer {
  if (fromEnv) return fromEnv;
  if (database.type === 'sqlite' && database.file === ':memory:') return randomBytes(32);
  const file = database.type === 'sqlite' ? `${database.file}.mfa-key` : join('data', 'mfa-encryption.key');
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': when two instances start at once, one writes and the other reads what it wrote.
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
