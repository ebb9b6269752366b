// Helpers for tests of hosts and of the library itself; not part of the API a host's app uses.
export { MailQueue } from './mail/mail-queue.service.js';
export { REVOCATION_CHANNEL } from './cache/revocation-notice.js';
export { LISTENER_APPLICATION_NAME } from './cache/revocation-listener.js';
export { authTokenEntityFor } from './tokens/auth-token.entity.js';
export { PASSWORD_MESSAGES } from './passwords/password-policy.js';
export { LoginDto } from './login/dto/login.dto.js';
export { SessionDto } from './sessions/session.dto.js';
export { LoginResponseDto } from './openapi/auth-token-api.responses.js';
