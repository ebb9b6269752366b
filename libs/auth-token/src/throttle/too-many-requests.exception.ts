import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with the seconds to wait; the filter turns `retryAfter` into a `Retry-After` header. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfter: number) {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `Too many attempts. Try again in ${retryAfter} seconds.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
