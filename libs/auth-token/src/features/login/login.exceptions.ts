import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { LOGIN_MESSAGES } from './login.messages.js';

/** 401 for a login with an unknown user, a wrong password or an inactive account (one answer for all). */
export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super(LOGIN_MESSAGES.invalidCredentials);
  }
}

/** 403 for a right password on an account whose e-mail address is not confirmed yet. */
export class EmailNotConfirmedException extends ForbiddenException {
  constructor() {
    super(LOGIN_MESSAGES.emailNotConfirmed);
  }
}
