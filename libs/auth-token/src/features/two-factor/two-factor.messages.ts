/** The messages the two-factor feature sends to clients. */
export const TWO_FACTOR_MESSAGES = {
  mfaAlreadyOn: 'Two-factor login is already on: turn it off first to set up a new authenticator.',
  mfaNotSetUp: 'Set up two-factor login first (POST /auth/mfa/totp/setup).',
  mfaNotOn: 'Two-factor login is not on.',
  mfaCodeWrong: 'code is not the current code of your authenticator app',
  mfaLoginFailed: 'The code is wrong, was already used, or the sign-in has expired. Please try again.',
  mfaProofRequired: 'Give code, recoveryCode, or challengeId and response of a passkey',
} as const;
