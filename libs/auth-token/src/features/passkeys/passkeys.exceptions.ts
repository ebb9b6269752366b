import { UnauthorizedException } from '@nestjs/common';
import type { UserId } from '../../core/users/user-store.js';
import { PASSKEYS_MESSAGES } from './passkeys.messages.js';

/** 401 for every refused passkey login: unknown credential, bad signature, spent challenge, wrong origin, ... */
export class PasskeyLoginFailedException extends UnauthorizedException {
  constructor() {
    super(PASSKEYS_MESSAGES.passkeyLoginFailed);
  }
}

/**
 * A ceremony's answer refused, and which body field was wrong (`challengeId` for the challenge, `response` for
 * the rest): each route turns it into its own answer (401 for a login, 400 naming the field elsewhere).
 */
export class PasskeyRefusal extends Error {
  constructor(
    readonly field: 'challengeId' | 'response',
    /** Why, for the host's logs; never sent to the client. */
    readonly reason: string,
    /** The user whose passkey was refused, once the passkey is known. */
    readonly ownerId?: UserId,
  ) {
    super(`passkey refused (${field}): ${reason}`);
    this.name = 'PasskeyRefusal';
  }
}
