/** The messages the registration feature sends to clients. */
export const REGISTRATION_MESSAGES = {
  usernameTaken: 'A user with that username already exists.',
  emailRequired: 'An e-mail address is required.',
  usernameRequired: 'username is required',
  loginEmailMismatch:
    'The login is the e-mail address here: give it once, or give the same address as username and email.',
  emailInvalid: 'email must be an email',
  invalidConfirmationLink: 'This confirmation link is invalid or has expired.',
} as const;
