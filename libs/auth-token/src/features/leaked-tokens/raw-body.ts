/**
 * The request's body as it came over the wire, which a signature is checked against (a body parsed and
 * serialized again differs in whitespace, key order, escapes). Nest keeps it as `request.rawBody` on Express and
 * on Fastify when the app is created with `rawBody: true`; the one place that reads it.
 */
export function rawBodyOf(request: object): Buffer | undefined {
  const { rawBody } = request as { rawBody?: unknown };
  return Buffer.isBuffer(rawBody) ? rawBody : undefined;
}

/** Whether a body arrived that was parsed without its raw bytes being kept (the host did not ask for them). */
export function bodyParsedWithoutRaw(request: object): boolean {
  const { body } = request as { body?: unknown };
  return body !== undefined && body !== null && rawBodyOf(request) === undefined;
}
