/** Every message the library sends to clients, in one place so hosts and tests can refer to them. */
export const AUTH_TOKEN_MESSAGES = {
  invalidCredentials: 'Unable to log in with the provided credentials.',
  missingCredentials: 'Authentication credentials were not provided.',
  invalidToken: 'Invalid or expired token.',
  serviceUnavailable: 'Authentication is temporarily unavailable. Please try again later.',
  emailNotConfirmed: 'E-mail address not confirmed. Please open the link we sent you.',
  busy: 'The server is busy. Please try again in a few seconds.',
  mailUnavailable: 'The e-mail could not be sent. Please try again later.',
  usernameTaken: 'A user with that username already exists.',
  usernameInvalid: 'Enter a valid username of at most 150 characters: letters, digits and @ . + - _ only.',
  usernameInvisible: 'The username must not contain control characters or invisible characters.',
  emailRequired: 'An e-mail address is required.',
  wrongPassword: 'The current password is wrong.',
  invalidConfirmationLink: 'This confirmation link is invalid or has expired.',
  invalidResetToken: 'This password reset link is invalid, was already used or has expired.',
} as const;
