/** The messages the reauthentication feature sends to clients. */
export const REAUTHENTICATION_MESSAGES = {
  reauthenticationProofRequired: 'Give password, or code for an account with two-factor login',
} as const;
