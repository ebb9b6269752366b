/**
 * A datetime as TypeORM writes it to SQLite (`2026-12-07 11:37:59.123`, UTC) as the Date TypeORM's own reading
 * makes of it, or undefined for any other shape or an out-of-range field, which TypeORM's reading then handles.
 * Read from the characters: TypeORM's reading (two regular expressions, a replace, a concatenation, a parse) was
 * most of the token lookup's hydration, which reads five such columns per request.
 */
export function readSqliteDatetime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length !== 23) return undefined;
  if (value[4] !== '-' || value[7] !== '-' || value[10] !== ' ' || value[13] !== ':' || value[16] !== ':')
    return undefined;
  if (value[19] !== '.') return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  const millisecond = digits(value, 20, 3);
  // Years below 1000 (Date.UTC reads 0-99 as 1900-1999), impossible fields and a 24:00 are left to TypeORM.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  // A day the month does not have (31 April) rolls over here: left to TypeORM.
  return date.getUTCDate() === day ? date : undefined;
}

/** The number the `length` characters from `from` spell, or -1 if one is not a digit. */
function digits(value: string, from: number, length: number): number {
  let number = 0;
  for (let i = from; i < from + length; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}
