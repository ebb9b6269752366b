/** The messages the core sends to clients: token checks, request screening, usernames, outages. */
export const CORE_MESSAGES = {
  invalidToken: 'Invalid or expired token.',
  missingCredentials: 'Authentication credentials were not provided.',
  serviceUnavailable: 'Authentication is temporarily unavailable. Please try again later.',
  busy: 'The server is busy. Please try again in a few seconds.',
  mailUnavailable: 'The e-mail could not be sent. Please try again later.',
  tooManyAttempts: (retryAfter: number) => `Too many attempts. Try again in ${retryAfter} seconds.`,
  loginTokenRequired: 'This needs a login token: an API token cannot manage credentials.',
  insufficientScope: (scopes: string[]) =>
    `This token lacks the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')} that this route needs.`,
  apiTokenNotAllowed: 'API tokens reach only routes that name the scopes they need: use a login token here.',
  reauthenticationRequired: (seconds: number) =>
    `This needs a proof of identity within the last ${seconds} seconds: confirm your password (POST /auth/reauthenticate) or log in again.`,
  bodyNotObject: 'The request body must be a JSON object.',
  bodyTooLarge: (limit: number) => `The request body must be at most ${Math.floor(limit / 1024)} kB.`,
  tooManyFields: (max: number) => `The request body must have at most ${max} fields.`,
  originNotAllowed: 'Requests from this origin are not allowed: send them from this site or a trusted origin.',
  clientAddressUnknown: 'The address of the client is unknown, so this request cannot be served.',
  /** Completes "<field> ...". */
  unsafeText: 'must be well-formed text without NUL characters',
  /** Completes "<field> ...". */
  nestedValue: 'must be text, a number, a boolean or a list of them',
  /** Completes "<field> ...". */
  jsonObject: 'must be a JSON object of at most 5 levels and 100 values',
  usernameInvalid: 'Enter a valid username of at most 150 characters: letters, digits and @ . + - _ only.',
  usernameInvisible: 'The username must not contain control characters or invisible characters.',
  usernameMixedScripts: 'The username must not mix scripts (such as Latin and Cyrillic).',
} as const;
