import { HttpException, HttpStatus } from '@nestjs/common';
import { CORE_MESSAGES } from './core.messages.js';

/** 429 with the seconds to wait, carried as the `Retry-After` header that the library's filter sets. */
export class TooManyAttemptsException extends HttpException {
  /** Response headers the library's exception filter sets with this answer. */
  readonly headers: Record<string, string>;

  constructor(readonly retryAfter: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: CORE_MESSAGES.tooManyAttempts(retryAfter),
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.headers = { 'Retry-After': String(retryAfter) };
  }
}
