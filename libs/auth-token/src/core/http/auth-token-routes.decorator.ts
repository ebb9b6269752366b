import { applyDecorators, UseFilters, UseInterceptors, UsePipes } from '@nestjs/common';
import { NoStoreInterceptor } from './no-store.interceptor.js';
import { ServiceUnavailableFilter } from './service-unavailable.filter.js';
import { authTokenValidationPipe } from './validation.pipe.js';

/**
 * What every controller of the library has, whatever the host's global setup: answers that no cache keeps, an
 * outage answered 503 (not 500), and the library's own validation of bodies.
 */
export const AuthTokenRoutes = () =>
  applyDecorators(
    UseInterceptors(NoStoreInterceptor),
    UseFilters(ServiceUnavailableFilter),
    UsePipes(authTokenValidationPipe()),
  );
