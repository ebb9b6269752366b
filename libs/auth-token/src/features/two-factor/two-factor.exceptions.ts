import { UnauthorizedException } from '@nestjs/common';
import { TWO_FACTOR_MESSAGES } from './two-factor.messages.js';

/** 401 for a second-factor step that failed: a wrong or used code, or an unknown, spent or expired mfaToken. */
export class MfaLoginFailedException extends UnauthorizedException {
  constructor() {
    super(TWO_FACTOR_MESSAGES.mfaLoginFailed);
  }
}
