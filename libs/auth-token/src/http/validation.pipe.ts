import { ValidationPipe } from '@nestjs/common';

/**
 * The pipe of the library's own routes, independent of whatever global pipe the host has: unknown
 * properties are stripped and a body that is not an object of the expected shape gets a 400.
 */
export const authTokenValidationPipe = () =>
  new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: true, stopAtFirstError: true });
