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

const FLAT_VALUE = 'must be text, a number, a boolean or a list of them';
const isPrimitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Fields holding nested objects or lists of lists. The library's bodies are flat (at most a list of strings),
 * so anything deeper is refused here, before Nest's key stripping and class-transformer walk it: a small body
 * of deeply nested brackets would otherwise cost them a lot of main-thread time.
 */
function nestedFields(body: unknown): FieldErrors {
  const found: FieldErrors = {};
  if (body === null || typeof body !== 'object') return found;
  if (Array.isArray(body)) return { body: ['The request body must be a JSON object.'] };
  for (const [key, value] of Object.entries(body)) {
    const flat = isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));
    if (!flat) found[key] = [`${key} ${FLAT_VALUE}`];
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
    const nested = metadata.type === 'body' ? nestedFields(value) : {};
    if (Object.keys(nested).length) throw new FieldErrorsException(nested);
    const unsafe = unsafeText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), {});
    if (Object.keys(unsafe).length) throw new FieldErrorsException(unsafe);
    return super.transform(value, metadata);
  }
}

export const authTokenValidationPipe = () => new AuthTokenValidationPipe();
