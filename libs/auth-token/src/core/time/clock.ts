/**
 * Source of the current time. Replace it (the `clock` option) to move time in tests without sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The default {@link Clock}: the system time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
