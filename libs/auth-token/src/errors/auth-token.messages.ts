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
  usernameRequired: 'username is required',
  loginEmailMismatch: 'The login is the e-mail address here: give it once, or give the same address as username and email.',
  emailInvalid: 'email must be an email',
  wrongPassword: 'The current password is wrong.',
  invalidConfirmationLink: 'This confirmation link is invalid or has expired.',
  invalidResetToken: 'This password reset link is invalid, was already used or has expired.',
  tooManyAttempts: (retryAfter: number) => `Too many attempts. Try again in ${retryAfter} seconds.`,
  noSuchSession: 'No such session.',
  bodyNotObject: 'The request body must be a JSON object.',
  /** Completes "<field> ...". */
  unsafeText: 'must be well-formed text without NUL characters',
  /** Completes "<field> ...". */
  nestedValue: 'must be text, a number, a boolean or a list of them',
  password: {
    tooShort: (min: number) => `This password is too short. It must contain at least ${min} characters.`,
    tooLong: (max: number) => `This password is too long. It must contain at most ${max} characters.`,
    similar: 'The password is too similar to the username or e-mail address.',
    common: 'This password is too common.',
    breached: 'This password has appeared in a data breach. Please choose another one.',
  },
} as const;
