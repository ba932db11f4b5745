import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

/** `format` already says what these patterns spell out at length; keep the document readable. */
const formatsWithOwnPattern = new Set(['date', 'date-time', 'email']);

/** Drops what only restates the defaults: the pattern of a format, and the safe-integer bounds every `z.int()` carries. */
function withoutNoise(json: JsonSchema): void {
  if (typeof json.format === 'string' && formatsWithOwnPattern.has(json.format)) delete json.pattern;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
}

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema. Requests are described by what
 * they accept (`io: 'input'`), responses by what they hold; an answer may carry more fields than
 * described, so a response object is never closed.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      withoutNoise(jsonSchema);
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  delete json.$schema;
  return json;
}

/** An object schema without `keys` (those the route takes from the path instead of the body). */
export function withoutProperties(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  if (keys.length === 0) return schema;
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const key of keys) {
    if (!(key in properties)) throw new Error(`The body schema has no property "${key}" to take from the path.`);
    delete properties[key];
  }
  const required = ((schema.required as string[] | undefined) ?? []).filter((name) => !keys.includes(name));
  const { required: _required, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}
