import {
  BadRequestException,
  ForbiddenException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { CORE_MESSAGES } from './core.messages.js';

/** 401 for a guarded request without usable credentials. */
export class InvalidTokenException extends UnauthorizedException {
  constructor(presented: boolean) {
    super(presented ? CORE_MESSAGES.invalidToken : CORE_MESSAGES.missingCredentials);
  }
}

/** 503 when a backing service (the database) fails while authenticating. */
export class AuthTokenUnavailableException extends ServiceUnavailableException {
  constructor() {
    super(CORE_MESSAGES.serviceUnavailable);
  }
}

/** 503 when the mail server did not take a mail; whatever the mail was for was undone. */
export class MailUnavailableException extends ServiceUnavailableException {
  constructor() {
    super(CORE_MESSAGES.mailUnavailable);
  }
}

/** 503 with `Retry-After` when the password hasher's queue is full (a flood of logins or registrations). */
export class PasswordHashingBusyException extends ServiceUnavailableException {
  /** Response headers the library's exception filter sets with this answer. */
  readonly headers: Record<string, string>;

  constructor(retryAfter: number) {
    super(CORE_MESSAGES.busy);
    this.headers = { 'Retry-After': String(retryAfter) };
  }
}

/** 403 for an API token on a route that needs a login token. */
export class LoginTokenRequiredException extends ForbiddenException {
  constructor() {
    super(CORE_MESSAGES.loginTokenRequired);
  }
}

/** 403 for an API token without a scope the route needs, with the RFC 6750 challenge naming the scopes. */
export class InsufficientScopeException extends ForbiddenException {
  /** Response headers the library's exception filter (and the guard) set with this answer. */
  readonly headers: Record<string, string>;

  constructor(realm: string, needed: string[], missing: string[]) {
    super(CORE_MESSAGES.insufficientScope(missing));
    this.headers = {
      'WWW-Authenticate': `Bearer realm="${realm}", error="insufficient_scope", scope="${needed.join(' ')}"`,
    };
  }
}

/**
 * 403 for a route that needs a proof of identity within the last `seconds` (`@RequireReauthentication`): the
 * client asks for the password (or a code) and sends it to `POST /auth/reauthenticate`, then tries again.
 */
export class ReauthenticationRequiredException extends ForbiddenException {
  constructor(seconds: number) {
    super({
      statusCode: 403,
      error: 'Forbidden',
      code: 'reauthentication_required',
      message: CORE_MESSAGES.reauthenticationRequired(seconds),
    });
  }
}

/** 403 for an API token on a route that names no scope and is not marked `@AllowApiTokens()` (least privilege). */
export class ApiTokenNotAllowedException extends ForbiddenException {
  constructor() {
    super(CORE_MESSAGES.apiTokenNotAllowed);
  }
}

/** 413 for a request body over the route's limit, refused before it is looked at. */
export class RequestBodyTooLargeException extends PayloadTooLargeException {
  constructor(limit: number) {
    super(CORE_MESSAGES.bodyTooLarge(limit));
  }
}

/**
 * 403 for a state-changing request whose `Origin` is neither the server's own nor a trusted one: a page on
 * another site cannot make a browser log in, register or ask for mail in its user's name.
 */
export class OriginNotAllowedException extends ForbiddenException {
  constructor() {
    super({
      statusCode: 403,
      error: 'Forbidden',
      code: 'origin_not_allowed',
      message: CORE_MESSAGES.originNotAllowed,
    });
  }
}

/** 400 for a request whose client address is unknown: per-address limits cannot count it. */
export class ClientAddressUnknownException extends BadRequestException {
  constructor() {
    super({
      statusCode: 400,
      error: 'Bad Request',
      code: 'client_address_unknown',
      message: CORE_MESSAGES.clientAddressUnknown,
    });
  }
}
