import { closeSync, openSync } from 'node:fs';

/**
 * Creates `file`, empty and readable by its owner only (0600), unless it exists: an existing file keeps the mode
 * it has. SQLite then gives the -wal and -shm files it makes beside a database the database file's mode.
 */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
