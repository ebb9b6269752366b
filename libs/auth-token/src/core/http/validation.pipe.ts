import { ValidationPipe, type ArgumentMetadata, type Type, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldErrorsException, type FieldErrors } from '../errors/field-errors.exception.js';
import { MAX_BODY_FIELDS } from './body-limits.js';
import { isBoundedJsonObject, jsonObjectFieldsOf } from './json-object-field.js';
import { CORE_MESSAGES } from '../errors/core.messages.js';

function collect(errors: ValidationError[], into: FieldErrors, parent = ''): FieldErrors {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) (into[path] ??= []).push(...Object.values(error.constraints));
    if (error.children?.length) collect(error.children, into, path);
  }
  return into;
}

const UNSAFE_TEXT = CORE_MESSAGES.unsafeText;

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

const FLAT_VALUE = CORE_MESSAGES.nestedValue;
const isPrimitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Fields holding nested objects or lists of lists. The library's bodies are flat (at most a list of strings),
 * so anything deeper is refused here, before Nest's key stripping and class-transformer walk it: a small body
 * of deeply nested brackets would otherwise cost them a lot of main-thread time. The few fields that hold a JSON
 * object (`jsonObjects`, marked with `@JsonObjectField()`) may nest within fixed bounds.
 */
function nestedFields(body: unknown, jsonObjects: ReadonlySet<string | symbol>): FieldErrors {
  const found: FieldErrors = {};
  if (body === null || typeof body !== 'object') return found;
  if (Array.isArray(body)) return { body: [CORE_MESSAGES.bodyNotObject] };
  for (const [key, value] of Object.entries(body)) {
    if (jsonObjects.has(key)) {
      if (!isPrimitive(value) && !isBoundedJsonObject(value)) found[key] = [`${key} ${CORE_MESSAGES.jsonObject}`];
      continue;
    }
    const flat = isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));
    if (!flat) found[key] = [`${key} ${FLAT_VALUE}`];
  }
  return found;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/** Counts a body's fields before anything looks at them: a body of thousands of keys is refused at once. */
function refuseManyFields(body: unknown): void {
  if (isPlainObject(body) && Object.keys(body).length > MAX_BODY_FIELDS) {
    throw new FieldErrorsException({ body: [CORE_MESSAGES.tooManyFields(MAX_BODY_FIELDS)] });
  }
}

/**
 * The body's values of the properties the DTO declares, and nothing else: class-transformer then copies those
 * only, instead of every key of the body for the whitelist to strip afterwards.
 */
function declaredProperties(body: Record<string, unknown>, dto: Type<unknown>): Record<string, unknown> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = new Set(rules.map((rule) => rule.propertyName));
  return Object.fromEntries([...names].filter((name) => Object.hasOwn(body, name)).map((name) => [name, body[name]]));
}

/**
 * The pipe of the library's own routes, independent of whatever global pipe the host has: a body of too many
 * fields is refused first, then nested values and text that is not well-formed; only the DTO's own properties
 * are copied into it (unknown ones are dropped unread), and a body that is not an object of the expected shape
 * gets a field-keyed 400.
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
        return new FieldErrorsException(Object.keys(fields).length ? fields : { body: [CORE_MESSAGES.bodyNotObject] });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') refuseManyFields(value);
    const nested = metadata.type === 'body' ? nestedFields(value, jsonObjectFieldsOf(metadata.metatype)) : {};
    if (Object.keys(nested).length) throw new FieldErrorsException(nested);
    const unsafe = unsafeText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), {});
    if (Object.keys(unsafe).length) throw new FieldErrorsException(unsafe);
    return super.transform(this.declaredOnly(value, metadata), metadata);
  }

  /** A whole body bound to a DTO, cut down to the DTO's properties; any other value as it is. */
  private declaredOnly(value: unknown, metadata: ArgumentMetadata): unknown {
    const { type, data, metatype } = metadata;
    const isDtoBody = type === 'body' && data === undefined && metatype !== undefined && this.toValidate(metadata);
    return isDtoBody && isPlainObject(value) ? declaredProperties(value, metatype) : value;
  }
}

export const authTokenValidationPipe = () => new AuthTokenValidationPipe();
