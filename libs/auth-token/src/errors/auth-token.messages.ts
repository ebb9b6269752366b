/** Every message the library sends to clients, in one place so hosts and tests can refer to them. */
export const AUTH_TOKEN_MESSAGES = {
  invalidCredentials: 'Unable to log in with the provided credentials.',
  missingCredentials: 'Authentication credentials were not provided.',
  invalidToken: 'Invalid or expired token.',
  serviceUnavailable: 'Authentication is temporarily unavailable. Please try again later.',
} as const;
