import { applyDecorators, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import { NoStoreInterceptor } from './no-store.interceptor.js';
import { RequestScreeningGuard } from './request-screening.guard.js';
import { ServiceUnavailableFilter } from './service-unavailable.filter.js';
import { authTokenValidationPipe } from './validation.pipe.js';

/**
 * What every controller of the library has, whatever the host's global setup: requests screened first (foreign
 * origin, body size), answers that no cache keeps, an outage answered 503 (not 500), and the library's own
 * validation of bodies. Put it below the controller's other decorators but `@WhenEnabled`, so that its guard runs
 * first after the feature switch.
 */
export const AuthTokenRoutes = () =>
  applyDecorators(
    UseGuards(RequestScreeningGuard),
    UseInterceptors(NoStoreInterceptor),
    UseFilters(ServiceUnavailableFilter),
    UsePipes(authTokenValidationPipe()),
  );
