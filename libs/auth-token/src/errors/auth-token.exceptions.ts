import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { AUTH_TOKEN_MESSAGES } from './auth-token.messages.js';

/** 401 for a login with an unknown user, a wrong password or an inactive account (one answer for all). */
export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.invalidCredentials);
  }
}

/** 401 for a guarded request without usable credentials. */
export class InvalidTokenException extends UnauthorizedException {
  constructor(presented: boolean) {
    super(presented ? AUTH_TOKEN_MESSAGES.invalidToken : AUTH_TOKEN_MESSAGES.missingCredentials);
  }
}

/** 503 when a backing service (the database) fails while authenticating. */
export class AuthTokenUnavailableException extends ServiceUnavailableException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.serviceUnavailable);
  }
}

/** 403 for a right password on an account whose e-mail address is not confirmed yet. */
export class EmailNotConfirmedException extends ForbiddenException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.emailNotConfirmed);
  }
}

/** 503 when the mail server did not take a mail; whatever the mail was for was undone. */
export class MailUnavailableException extends ServiceUnavailableException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.mailUnavailable);
  }
}

/** 503 with `Retry-After` when the password hasher's queue is full (a flood of logins or registrations). */
export class PasswordHashingBusyException extends ServiceUnavailableException {
  /** Response headers the library's exception filter sets with this answer. */
  readonly headers: Record<string, string>;

  constructor(retryAfter: number) {
    super(AUTH_TOKEN_MESSAGES.busy);
    this.headers = { 'Retry-After': String(retryAfter) };
  }
}

/** 403 for an API token on a route that needs a login token. */
export class LoginTokenRequiredException extends ForbiddenException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.loginTokenRequired);
  }
}

/** 403 for an API token without a scope the route needs, with the RFC 6750 challenge naming the scopes. */
export class InsufficientScopeException extends ForbiddenException {
  /** Response headers the library's exception filter (and the guard) set with this answer. */
  readonly headers: Record<string, string>;

  constructor(realm: string, needed: string[], missing: string[]) {
    super(AUTH_TOKEN_MESSAGES.insufficientScope(missing));
    this.headers = { 'WWW-Authenticate': `Bearer realm="${realm}", error="insufficient_scope", scope="${needed.join(' ')}"` };
  }
}

/** 401 for a second-factor step that failed: a wrong or used code, or an unknown, spent or expired mfaToken. */
export class MfaLoginFailedException extends UnauthorizedException {
  constructor() {
    super(AUTH_TOKEN_MESSAGES.mfaLoginFailed);
  }
}

/** 403 for a route that needs a login within the last `seconds` (`@RequireRecentLogin`). */
export class RecentLoginRequiredException extends ForbiddenException {
  constructor(seconds: number) {
    super({ statusCode: 403, error: 'Forbidden', code: 'recent_login_required', message: AUTH_TOKEN_MESSAGES.recentLoginRequired(seconds) });
  }
}
