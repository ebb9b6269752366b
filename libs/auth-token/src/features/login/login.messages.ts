/** The messages the login feature sends to clients. */
export const LOGIN_MESSAGES = {
  invalidCredentials: 'Unable to log in with the provided credentials.',
  emailNotConfirmed: 'E-mail address not confirmed. Please open the link we sent you.',
} as const;
