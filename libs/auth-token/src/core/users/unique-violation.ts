/** Driver error codes of a unique-constraint violation: PostgreSQL, SQLite (better-sqlite3), MySQL. */
const UNIQUE_VIOLATION_CODES = new Set([
  '23505',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'ER_DUP_ENTRY',
]);

/** Whether a database error (a TypeORM QueryFailedError or a raw driver error) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown } | null)?.driverError ?? error;
  return UNIQUE_VIOLATION_CODES.has(String((driverError as { code?: unknown } | null)?.code));
}
