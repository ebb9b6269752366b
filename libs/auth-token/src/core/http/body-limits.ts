import { SetMetadata } from '@nestjs/common';

/** Largest request body, in bytes, that a route of the library accepts unless its controller says otherwise. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/** Most top-level fields a request body to a route of the library may have. */
export const MAX_BODY_FIELDS = 32;

export const BODY_LIMIT_KEY = 'auth-token:body-limit';

/**
 * Another body limit, in bytes, for every route of the controller (a route with a larger body, such as batched
 * leaked-token reports, gets a controller of its own). Read when the module applies its middleware.
 */
export const BodyLimit = (bytes: number) => SetMetadata(BODY_LIMIT_KEY, bytes);

/** The body limit of a controller's routes. */
export function bodyLimitOf(controller: object): number {
  return (Reflect.getMetadata(BODY_LIMIT_KEY, controller) as number | undefined) ?? DEFAULT_BODY_LIMIT;
}
