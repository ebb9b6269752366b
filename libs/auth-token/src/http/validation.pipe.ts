import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Field → messages, as in `{ "username": ["A user with that username already exists."] }`. */
export type FieldErrors = Record<string, string[]>;

/**
 * A 400 in Nest's usual shape (`statusCode`, `message` list, `error`) plus field-keyed `errors`, so a client
 * can show each message beside its field.
 */
export class FieldErrorsException extends BadRequestException {
  constructor(readonly errors: FieldErrors) {
    super({ statusCode: 400, message: Object.values(errors).flat(), error: 'Bad Request', errors });
  }
}

function collect(errors: ValidationError[], into: FieldErrors, parent = ''): FieldErrors {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) (into[path] ??= []).push(...Object.values(error.constraints));
    if (error.children?.length) collect(error.children, into, path);
  }
  return into;
}

/**
 * The pipe of the library's own routes, independent of whatever global pipe the host has: unknown
 * properties are stripped, and a body that is not an object of the expected shape gets a field-keyed 400.
 */
export const authTokenValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = collect(errors, {});
      return new FieldErrorsException(Object.keys(fields).length ? fields : { body: ['The request body must be a JSON object.'] });
    },
  });
