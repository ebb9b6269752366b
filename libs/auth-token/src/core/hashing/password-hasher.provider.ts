import type { FactoryProvider } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { PasswordHasher } from './password-hasher.js';
import { ScryptPasswordHasher } from './scrypt-password-hasher.js';

/** The `passwordHasher` option, else scrypt with the `scrypt` option's parameters. */
export const passwordHasherProvider: FactoryProvider<PasswordHasher> = {
  provide: PasswordHasher,
  inject: [AUTH_TOKEN_OPTIONS],
  useFactory: (options: ResolvedAuthTokenOptions) => options.passwordHasher ?? new ScryptPasswordHasher(options.scrypt),
};
