// Each feature's events file adds its payloads to AuthTokenEventMap; these imports carry the additions into the
// declaration files a host compiles against.
import './features/api-tokens/api-tokens.events.js';
import './features/login/login.events.js';
import './features/passkeys/passkeys.events.js';
import './features/passwords/passwords.events.js';
import './features/registration/registration.events.js';
import './features/two-factor/two-factor.events.js';
import './features/reauthentication/reauthentication.events.js';
import './features/sessions/sessions.events.js';
import './features/leaked-tokens/leaked-tokens.events.js';
import { CORE_EVENTS } from './core/events/auth-token.events.js';
import type { AuthTokenEventMap } from './core/events/auth-token.events.js';
import { API_TOKENS_EVENTS } from './features/api-tokens/api-tokens.events.js';
import { LOGIN_EVENTS } from './features/login/login.events.js';
import { PASSKEYS_EVENTS } from './features/passkeys/passkeys.events.js';
import { PASSWORDS_EVENTS } from './features/passwords/passwords.events.js';
import { REGISTRATION_EVENTS } from './features/registration/registration.events.js';
import { TWO_FACTOR_EVENTS } from './features/two-factor/two-factor.events.js';
import { REAUTHENTICATION_EVENTS } from './features/reauthentication/reauthentication.events.js';
import { SESSIONS_EVENTS } from './features/sessions/sessions.events.js';
import { LEAKED_TOKENS_EVENTS } from './features/leaked-tokens/leaked-tokens.events.js';

/**
 * Every event name, the core's and each feature's, for `@OnEvent(AUTH_TOKEN_EVENTS.loginFailed)` with
 * @nestjs/event-emitter. Each feature declares its own in `features/<name>/<name>.events.ts`.
 */
export const AUTH_TOKEN_EVENTS = {
  ...CORE_EVENTS,
  ...LOGIN_EVENTS,
  ...REGISTRATION_EVENTS,
  ...PASSWORDS_EVENTS,
  ...API_TOKENS_EVENTS,
  ...TWO_FACTOR_EVENTS,
  ...REAUTHENTICATION_EVENTS,
  ...SESSIONS_EVENTS,
  ...LEAKED_TOKENS_EVENTS,
  ...PASSKEYS_EVENTS,
} as const;

/** The payload of the event `AUTH_TOKEN_EVENTS[name]`, e.g. `AuthTokenEvent<'loginFailed'>`. */
export type AuthTokenEvent<TName extends keyof typeof AUTH_TOKEN_EVENTS> =
  AuthTokenEventMap[(typeof AUTH_TOKEN_EVENTS)[TName]];
