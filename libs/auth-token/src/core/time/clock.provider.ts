import type { FactoryProvider } from '@nestjs/common';
import { AUTH_TOKEN_OPTIONS } from '../module/auth-token.constants.js';
import type { ResolvedAuthTokenOptions } from '../options/auth-token-options.interface.js';
import { Clock, SystemClock } from './clock.js';

/** The `clock` option (tests move it), else the system clock. */
export const clockProvider: FactoryProvider<Clock> = {
  provide: Clock,
  inject: [AUTH_TOKEN_OPTIONS],
  useFactory: (options: ResolvedAuthTokenOptions) => options.clock ?? new SystemClock(),
};
