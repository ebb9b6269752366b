/**
 * A value now, or a promise of it. The token check answers with the value itself when the database answered
 * synchronously (better-sqlite3) and nothing had to be written: under load each promise on a request's path
 * costs microseconds the check itself does not (see docs/benchmarks.md, "What every request pays").
 */
export type MaybePromise<T> = T | Promise<T>;

/** `next(value)`: at once when the value is there, once it is when it is a promise. */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
