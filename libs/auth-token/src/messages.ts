import { CORE_MESSAGES } from './core/errors/core.messages.js';
import { API_TOKENS_MESSAGES } from './features/api-tokens/api-tokens.messages.js';
import { LEAKED_TOKENS_MESSAGES } from './features/leaked-tokens/leaked-tokens.messages.js';
import { LOGIN_MESSAGES } from './features/login/login.messages.js';
import { PASSKEYS_MESSAGES } from './features/passkeys/passkeys.messages.js';
import { PASSWORDS_MESSAGES } from './features/passwords/passwords.messages.js';
import { REAUTHENTICATION_MESSAGES } from './features/reauthentication/reauthentication.messages.js';
import { REGISTRATION_MESSAGES } from './features/registration/registration.messages.js';
import { SESSIONS_MESSAGES } from './features/sessions/sessions.messages.js';
import { TWO_FACTOR_MESSAGES } from './features/two-factor/two-factor.messages.js';

/**
 * Every message the library sends to clients, the core's and each feature's, so hosts and tests can refer to them
 * by one name. Each feature keeps its own in `features/<name>/<name>.messages.ts`.
 */
export const AUTH_TOKEN_MESSAGES = {
  ...CORE_MESSAGES,
  ...LOGIN_MESSAGES,
  ...TWO_FACTOR_MESSAGES,
  ...PASSKEYS_MESSAGES,
  ...REAUTHENTICATION_MESSAGES,
  ...SESSIONS_MESSAGES,
  ...API_TOKENS_MESSAGES,
  ...REGISTRATION_MESSAGES,
  ...PASSWORDS_MESSAGES,
  ...LEAKED_TOKENS_MESSAGES,
} as const;
