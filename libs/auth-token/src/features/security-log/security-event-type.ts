/** The types of a security log's entries, as `GET /auth/security-log` names them. */
export const SECURITY_EVENT_TYPES = [
  'login',
  'login_failed',
  'logout',
  'reauthenticated',
  'password_changed',
  'password_reset',
  'mfa_enabled',
  'mfa_disabled',
  'recovery_codes_renewed',
  'api_token_created',
  'api_token_revoked',
  'sessions_revoked',
  'passkey_added',
  'passkey_removed',
  'token_leaked',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
