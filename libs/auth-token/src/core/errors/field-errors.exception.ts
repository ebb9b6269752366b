import { BadRequestException } from '@nestjs/common';

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
