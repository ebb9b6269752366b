import type { FactoryProvider } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../../core/module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../../core/options/auth-token-options.interface.js';
import { PasswordPolicy } from './password-policy.js';

/** The rules for new passwords, from the `passwordPolicy` option. */
export const passwordPolicyProvider: FactoryProvider<PasswordPolicy> = {
  provide: PasswordPolicy,
  inject: [AUTH_TOKEN_OPTIONS],
  useFactory: (options: ResolvedAuthTokenOptions) => new PasswordPolicy(options.passwordPolicy),
};
