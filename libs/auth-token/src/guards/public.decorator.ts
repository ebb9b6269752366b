import { SetMetadata } from '@nestjs/common';

/** Metadata key set by {@link Public}. */
export const IS_PUBLIC_KEY = 'auth-token:public';

/** Lets a route or controller through {@link AuthTokenGuard} without a token (for use with `globalGuard`). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
