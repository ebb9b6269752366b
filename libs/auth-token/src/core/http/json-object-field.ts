const JSON_OBJECT_FIELDS = 'auth-token:json-object-fields';

/** Levels of nesting a JSON object field may have below itself: a WebAuthn response needs three. */
export const MAX_JSON_OBJECT_DEPTH = 5;

/** Values (objects, lists and leaves together) a JSON object field may hold. */
export const MAX_JSON_OBJECT_VALUES = 100;

/**
 * Marks a DTO property that holds a JSON object, such as a WebAuthn response. The library's bodies are otherwise
 * flat, and its validation pipe refuses nested values; a field marked here may nest, within
 * {@link MAX_JSON_OBJECT_DEPTH} levels and {@link MAX_JSON_OBJECT_VALUES} values.
 */
export const JsonObjectField =
  (): PropertyDecorator =>
  (prototype: object, property: string | symbol): void => {
    const dto = prototype.constructor;
    const known = (Reflect.getMetadata(JSON_OBJECT_FIELDS, dto) as (string | symbol)[] | undefined) ?? [];
    Reflect.defineMetadata(JSON_OBJECT_FIELDS, [...known, property], dto);
  };

/** The properties of `dto` marked with {@link JsonObjectField}. */
export function jsonObjectFieldsOf(dto: unknown): ReadonlySet<string | symbol> {
  if (typeof dto !== 'function') return new Set();
  return new Set((Reflect.getMetadata(JSON_OBJECT_FIELDS, dto) as (string | symbol)[] | undefined) ?? []);
}

/** Whether `value` is a JSON object within the bounds above. */
export function isBoundedJsonObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  let values = 0;
  const within = (item: unknown, depth: number): boolean => {
    values += 1;
    if (values > MAX_JSON_OBJECT_VALUES) return false;
    if (item === null || typeof item !== 'object') return true;
    if (depth >= MAX_JSON_OBJECT_DEPTH) return false;
    return Object.values(item).every((child) => within(child, depth + 1));
  };
  return within(value, 0);
}
