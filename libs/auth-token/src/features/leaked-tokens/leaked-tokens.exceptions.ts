import { BadRequestException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { LEAKED_TOKENS_MESSAGES } from './leaked-tokens.messages.js';

/** 401: a report without a valid signature of a served key; nothing in it is looked at. */
export class LeakReportRefusedException extends UnauthorizedException {
  constructor(message: string) {
    super(message);
  }
}

/** 503 with `Retry-After`: the keys cannot be fetched (the key server down or slow), so nothing can be checked. */
export class SigningKeysUnavailableException extends ServiceUnavailableException {
  readonly headers: Record<string, string>;

  constructor(retryAfter: number) {
    super(LEAKED_TOKENS_MESSAGES.leakReportKeysUnavailable);
    this.headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfter))) };
  }
}

/** 503: the host keeps no raw bodies, so no signature can be checked (see "Leaked tokens" in the README). */
export class RawBodyMissingException extends ServiceUnavailableException {
  constructor() {
    super(LEAKED_TOKENS_MESSAGES.leakReportNoRawBody);
  }
}

/** 400: a signed report that is not the partner program's JSON array. */
export class LeakReportShapeException extends BadRequestException {
  constructor() {
    super(LEAKED_TOKENS_MESSAGES.leakReportShape);
  }
}
