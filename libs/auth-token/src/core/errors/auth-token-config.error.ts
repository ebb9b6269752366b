/**
 * Thrown at start-up when an option of `AuthTokenModule.forRoot()` / `forRootAsync()` is wrong.
 * The message names the option and says what to change.
 */
export class AuthTokenConfigError extends Error {
  constructor(
    /** Dotted path of the offending option, e.g. `tokens.ttl`. */
    readonly option: string,
    problem: string,
    /** What the message is about, when it is not the option itself. */
    subject = `AuthTokenModule option "${option}"`,
  ) {
    super(`${subject} ${problem}`);
    this.name = 'AuthTokenConfigError';
  }
}
