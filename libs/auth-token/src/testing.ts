// Helpers for tests of hosts and of the library itself; not part of the API a host's app uses.
export { MailQueue } from './core/mail/mail-queue.service.js';
export { REVOCATION_CHANNEL } from './core/revocation/revocation-notice.js';
export { LISTENER_APPLICATION_NAME } from './core/revocation/revocation-listener.js';
export { authTokenEntityFor } from './core/tokens/auth-token.entity.js';
export { PASSWORD_MESSAGES } from './features/passwords/password-policy.js';
export { LoginDto } from './features/login/dto/login.dto.js';
export { SessionDto } from './features/sessions/session.dto.js';
export { LoginResponseDto } from './features/openapi/auth-token-api.responses.js';
