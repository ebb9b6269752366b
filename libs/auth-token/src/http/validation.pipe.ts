import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

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

const UNSAFE_TEXT = 'must be well-formed text without NUL characters';

/**
 * Paths of strings that no database or validator should see: a NUL (PostgreSQL refuses it in text) or a lone
 * UTF-16 surrogate (not Unicode at all; some validators throw on it).
 */
function unsafeText(value: unknown, path: string, found: FieldErrors, depth = 0): FieldErrors {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || !value.isWellFormed()) found[path || 'body'] = [`${path || 'body'} ${UNSAFE_TEXT}`];
  } else if (value !== null && typeof value === 'object' && depth < 8) {
    for (const [key, item] of Object.entries(value)) unsafeText(item, path ? `${path}.${key}` : key, found, depth + 1);
  }
  return found;
}

/**
 * The pipe of the library's own routes, independent of whatever global pipe the host has: text that is not
 * well-formed is refused first, unknown properties are stripped, and a body that is not an object of the
 * expected shape gets a field-keyed 400.
 */
class AuthTokenValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => {
        const fields = collect(errors, {});
        return new FieldErrorsException(Object.keys(fields).length ? fields : { body: ['The request body must be a JSON object.'] });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unsafe = unsafeText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), {});
    if (Object.keys(unsafe).length) throw new FieldErrorsException(unsafe);
    return super.transform(value, metadata);
  }
}

export const authTokenValidationPipe = () => new AuthTokenValidationPipe();
