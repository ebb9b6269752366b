/** The messages the passwords feature sends to clients. */
export const PASSWORDS_MESSAGES = {
  wrongPassword: 'The current password is wrong.',
  invalidResetToken: 'This password reset link is invalid, was already used or has expired.',
  password: {
    tooShort: (min: number) => `This password is too short. It must contain at least ${min} characters.`,
    tooLong: (max: number) => `This password is too long. It must contain at most ${max} characters.`,
    similar: 'The password is too similar to the username or e-mail address.',
    common: 'This password is too common.',
    breached: 'This password has appeared in a data breach. Please choose another one.',
  },
} as const;
