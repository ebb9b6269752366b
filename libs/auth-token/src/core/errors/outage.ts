/** Node socket errors of a service that is down or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);
/** SQLite result codes of a busy, locked, full or unreadable database (not of a wrong statement). */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|PROTOCOL)/;
/** PostgreSQL SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown, cannot connect now). */
const POSTGRES_CODES = /^(08|53|57P)/;
/** Messages of TypeORM, the pg driver and pool, and better-sqlite3 when the connection went away or never came. */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection is closed|Client has encountered a connection error|the database system is (starting up|shutting down)|connection is not yet established|database connection is not open|Driver not Connected|pool (has ended|is draining)|Cannot use a pool after calling end/i;

function codesOf(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    codes.push(code);
    current = driverError ?? cause;
  }
  return codes;
}

/**
 * Whether an error means a backing service (the database, the mail server) is down or unreachable, which is
 * worth a 503 and a retry; anything else (a missing table or column, a NOT NULL violation, a bug) is a 500.
 */
export function isOutage(error: unknown): boolean {
  if (
    codesOf(error).some(
      (code) =>
        typeof code === 'string' && (NETWORK_CODES.has(code) || SQLITE_CODES.test(code) || POSTGRES_CODES.test(code)),
    )
  )
    return true;
  const { responseCode } = (error ?? {}) as { responseCode?: unknown };
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 500) return true; // SMTP: try again later
  return error instanceof Error && DRIVER_MESSAGES.test(error.message);
}
