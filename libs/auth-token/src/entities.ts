import type { Type } from '@nestjs/common';
import { authEmailTokenEntityFor } from './features/mailed-links/auth-email-token.entity.js';
import { authMfaEntityFor } from './features/two-factor/auth-mfa.entity.js';
import { AuthThrottle } from './features/throttling/auth-throttle.entity.js';
import { authPasskeyEntityFor } from './features/passkeys/auth-passkey.entity.js';
import { authPasskeyChallengeEntityFor } from './features/passkeys/auth-passkey-challenge.entity.js';
import { authTokenEntityFor } from './core/tokens/auth-token.entity.js';
import { authSecurityEventEntityFor } from './features/security-log/auth-security-event.entity.js';
import { authKnownDeviceEntityFor } from './features/security-notices/auth-known-device.entity.js';

/**
 * Every entity the library stores, bound to the host's User entity. Add them to your DataSource's `entities`
 * unless it uses `autoLoadEntities`: `entities: [User, ...authTokenEntities(User)]`.
 */
export function authTokenEntities(userEntity: Type<object>): Type<object>[] {
  return [
    authTokenEntityFor(userEntity),
    authEmailTokenEntityFor(userEntity),
    authMfaEntityFor(userEntity),
    AuthThrottle,
    authSecurityEventEntityFor(userEntity),
    authKnownDeviceEntityFor(userEntity),
    authPasskeyEntityFor(userEntity),
    authPasskeyChallengeEntityFor(userEntity),
  ];
}
