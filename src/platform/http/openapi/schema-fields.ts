import type { JsonSchema } from './json-schema';

/** One row of a field table: a dotted path (`events[].meter`), its type and what it must be. */
export type Field = { name: string; type: string; required: boolean; notes: string[] };

const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

function branchesOf(schema: JsonSchema): JsonSchema[] | undefined {
  return (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
}

/** `string (date-time)`, `integer`, `array of string`, `string | null`. */
export function typeOf(schema: JsonSchema): string {
  const branches = branchesOf(schema);
  if (branches) return [...new Set(branches.map(typeOf))].join(' | ');
  if ('const' in schema) return typeof schema.const === 'string' ? 'string' : typeof schema.const;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : [];
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeOf((schema.items as JsonSchema | undefined) ?? {})}`;
      return schema.format ? `${type} (${schema.format as string})` : type;
    })
    .join(' | ');
}

function rangeNotes(min: unknown, max: unknown, unit: string): string[] {
  if (typeof min === 'number' && typeof max === 'number') return [`${min}–${max} ${unit}`];
  if (typeof max === 'number') return [`at most ${max} ${unit}`];
  if (min === 1) return ['not empty'];
  if (typeof min === 'number') return [`at least ${min} ${unit}`];
  return [];
}

/** What a value must be besides its type: allowed values, bounds, pattern, default, description. */
export function notesOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const values = (schema.enum as unknown[] | undefined) ?? ('const' in schema ? [schema.const] : undefined);
  if (values) notes.push(values.length === 1 ? `always ${code(values[0])}` : `one of ${values.map(code).join(', ')}`);
  notes.push(...rangeNotes(schema.minLength, schema.maxLength, 'characters'), ...rangeNotes(schema.minItems, schema.maxItems, 'items'));
  const bounds: [string, string][] = [
    ['minimum', '≥'],
    ['exclusiveMinimum', '>'],
    ['maximum', '≤'],
    ['exclusiveMaximum', '<'],
  ];
  for (const [key, sign] of bounds) if (typeof schema[key] === 'number') notes.push(`${sign} ${schema[key]}`);
  if (typeof schema.pattern === 'string') notes.push(`matches \`${schema.pattern}\``);
  const items = schema.items as JsonSchema | undefined;
  if (items && !items.properties) notes.push(...notesOf(items).map((note) => `each ${note}`));
  if ('default' in schema) notes.push(`default ${code(schema.default)}`);
  for (const branch of branchesOf(schema) ?? []) notes.push(...notesOf(branch).filter((note) => !notes.includes(note)));
  if (typeof schema.description === 'string') notes.push(schema.description);
  return notes;
}

/** The object (or array of objects) a schema is, once `null` is set aside; else undefined. */
function nestedObject(schema: JsonSchema): { object: JsonSchema; suffix: string } | undefined {
  const branches = branchesOf(schema)?.filter((branch) => branch.type !== 'null');
  const single = branches?.length === 1 ? branches[0]! : schema;
  if (single.type === 'object' && single.properties) return { object: single, suffix: '' };
  const items = single.items as JsonSchema | undefined;
  if (single.type === 'array' && items?.type === 'object' && items.properties) return { object: items, suffix: '[]' };
  return undefined;
}

/** Every field of an object schema, nested ones under dotted names, in declaration order. */
export function fieldsOf(schema: JsonSchema, prefix = ''): Field[] {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    const nested = nestedObject(property);
    const row: Field = { name, type: typeOf(property), required: required.has(key), notes: notesOf(property) };
    return nested ? [row, ...fieldsOf(nested.object, `${name}${nested.suffix}.`)] : [row];
  });
}
