/** The messages the reauthentication feature sends to clients. */
export const REAUTHENTICATION_MESSAGES = {
  reauthenticationProofRequired:
    'Give password, code for an account with two-factor login, or challengeId and response of a passkey',
} as const;
