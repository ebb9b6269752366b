import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils.js';
import { readSqliteDatetime } from './sqlite-datetime.js';

describe('readSqliteDatetime: the Date TypeORM reads from a better-sqlite3 datetime', () => {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
  /** TypeORM's own reading of a `Date` column's value. */
  const typeorm = (value: unknown): unknown =>
    dataSource.driver.prepareHydratedValue(value, { type: Date } as Parameters<
      typeof dataSource.driver.prepareHydratedValue
    >[1]);
  const time = (value: unknown) => (value instanceof Date ? value.getTime() : value);

  it('reads what TypeORM writes as TypeORM reads it, over four centuries of random instants', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2300, 0, 1);
    for (let i = 0; i < 5000; i += 1) {
      const instant = new Date(from + Math.floor(Math.random() * (to - from)));
      const written = DateUtils.mixedDateToUtcDatetimeString(instant) as string;
      expect(time(readSqliteDatetime(written))).toBe(instant.getTime());
      expect(time(readSqliteDatetime(written))).toBe(time(typeorm(written)));
    }
  });

  it.each([
    '2024-02-29 23:59:59.999',
    '2026-12-31 00:00:00.000',
    '1970-01-01 00:00:00.000',
    '9999-12-31 23:59:59.999',
    '1000-01-01 00:00:00.000',
  ])('reads %s', (value) => {
    expect(time(readSqliteDatetime(value))).toBe(time(typeorm(value)));
  });

  it.each([
    ['another format', '2026-12-07 11:37:59'],
    ['ISO with a zone', '2026-12-07T11:37:59.123Z'],
    ['a day the month lacks', '2026-04-31 10:00:00.000'],
    ['29 February of a common year', '2026-02-29 10:00:00.000'],
    ['24:00', '2026-12-07 24:00:00.000'],
    ['month 13', '2026-13-01 10:00:00.000'],
    ['a leap second', '2026-12-31 23:59:60.000'],
    ['a year below 1000', '0999-12-31 10:00:00.000'],
    ['a letter among the digits', '2026-12-0x 10:00:00.000'],
    ['an empty string', ''],
    ['a number', 1765105079123],
    ['null', null],
  ])('leaves %s to TypeORM', (_which, value) => {
    expect(readSqliteDatetime(value)).toBeUndefined();
  });
});
