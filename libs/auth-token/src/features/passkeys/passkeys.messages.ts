/** The messages the passkeys feature sends to clients. */
export const PASSKEYS_MESSAGES = {
  passkeyLoginFailed: 'The passkey was not accepted. Please try again.',
  challengeRefused: 'challengeId is unknown, used, expired or of another step: ask for new options',
  registrationRefused: 'response is not a valid new passkey for this challenge',
  passkeyRefused: 'response is not a valid answer of one of your passkeys to this challenge',
  passkeyTaken: 'This passkey is already registered.',
  noSuchPasskey: 'No such passkey of yours.',
  noPasskey: 'This account has no passkey.',
  nameInvalid: 'name must be 1 to 100 characters, without control characters',
  proofRequired: 'Give challengeId and response',
} as const;
