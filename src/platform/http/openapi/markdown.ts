import { errorStatus, type ErrorCode } from '../errors';
import type { OpenApiDocument } from './document';
import type { JsonSchema } from './json-schema';
import { fieldsOf, notesOf, typeOf, type Field } from './schema-fields';

type Operation = JsonSchema & { tags: string[]; summary: string; security: Record<string, string[]>[]; responses: Record<string, JsonSchema> };
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

function fieldTable(fields: Field[]): string {
  return table(
    ['Field', 'Type', 'Required', 'Constraints'],
    fields.map((f) => [`\`${f.name}\``, f.type, f.required ? 'yes' : 'no', f.notes.join('; ')]),
  );
}

/** A schema as tables: one per variant of a union of objects, one for an object, else its type. */
function schemaBlock(schema: JsonSchema): string {
  const variants = ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined)?.filter((v) => v.properties);
  if (variants && variants.length > 1) return variants.map((variant, i) => `Variant ${i + 1}:\n\n${fieldTable(fieldsOf(variant))}`).join('\n\n');
  const fields = fieldsOf(schema);
  if (fields.length > 0) return fieldTable(fields);
  return `${typeOf(schema)}${notesOf(schema).length > 0 ? ` (${notesOf(schema).join('; ')})` : ''}`;
}

function authOf(operation: Operation): string {
  if (operation.security.length === 0) return 'none (public)';
  return operation.security
    .map((requirement) =>
      Object.entries(requirement)
        .map(([scheme, scopes]) => `[\`${scheme}\`](#authentication)${scopes.length > 0 ? ` with scope ${scopes.map((s) => `\`${s}\``).join(', ')}` : ''}`)
        .join(' and '),
    )
    .join(' or ');
}

function parametersBlock(parameters: Parameter[]): string[] {
  if (parameters.length === 0) return [];
  const rows = parameters.map((p) => [`\`${p.name}\``, p.in, typeOf(p.schema), p.required ? 'yes' : 'no', [...notesOf(p.schema), ...(p.description ? [p.description] : [])].join('; ')]);
  return ['**Parameters**', table(['Name', 'In', 'Type', 'Required', 'Notes'], rows)];
}

function bodyBlock(body: JsonSchema | undefined): string[] {
  if (!body) return [];
  const [mediaType, media] = Object.entries(body.content as Record<string, { schema: JsonSchema }>)[0]!;
  const heading = `**Body** (\`${mediaType}\`${body.required ? '' : ', optional'})${body.description ? `: ${body.description as string}` : ''}`;
  return Object.keys(media.schema).length > 0 ? [heading, schemaBlock(media.schema)] : [heading];
}

/** The success envelope's `data` (or the whole body of a non-envelope answer). */
function responseBody(schema: JsonSchema): { label: string; schema: JsonSchema } {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.success && properties.data) return { label: '`data`', schema: properties.data };
  return { label: 'Body', schema };
}

function responsesBlock(responses: Record<string, JsonSchema>): string[] {
  const lines: string[] = ['**Responses**'];
  const errors: string[] = [];
  for (const [status, response] of Object.entries(responses)) {
    if (typeof response.$ref === 'string') {
      errors.push(`\`${status}\` \`${response.$ref.split('/').pop()}\``);
      continue;
    }
    const content = response.content as Record<string, { schema: JsonSchema }> | undefined;
    const [mediaType, media] = content ? Object.entries(content)[0]! : [undefined, undefined];
    const properties = media?.schema.properties as Record<string, JsonSchema> | undefined;
    if (properties?.success?.const === false) {
      lines.push(`- \`${status}\` (error envelope): ${response.description as string}`);
      continue;
    }
    lines.push(`- \`${status}\`${mediaType ? ` (\`${mediaType}\`)` : ''}: ${response.description as string}`);
    if (mediaType === 'application/json' && media && Object.keys(media.schema).length > 0) {
      const body = responseBody(media.schema);
      lines.push(`\n  ${body.label}:\n\n${schemaBlock(body.schema).replace(/^(?=.)/gm, '  ')}\n`);
    }
  }
  if (errors.length > 0) lines.push(`- Errors (see [Errors](#errors)): ${errors.join(', ')}`);
  return [lines.join('\n')];
}

function operationSection(method: string, path: string, operation: Operation): string {
  return [
    `### \`${method.toUpperCase()} ${path}\``,
    operation.summary,
    ...(operation.description ? [operation.description as string] : []),
    `**Auth:** ${authOf(operation)}`,
    ...parametersBlock((operation.parameters as Parameter[] | undefined) ?? []),
    ...bodyBlock(operation.requestBody as JsonSchema | undefined),
    ...responsesBlock(operation.responses),
  ].join('\n\n');
}

function errorsSection(document: OpenApiDocument): string {
  const rows = Object.entries(document.components.responses).map(([code, response]) => [
    `\`${code}\``,
    String(errorStatus[code as ErrorCode]),
    (response.description as string).replace(/^`[^`]+`: /, ''),
  ]);
  return ['## Errors', 'Every error answers `{"success": false, "error": {"code", "message", "fields"?}}`.', table(['Code', 'Status', 'Meaning'], rows)].join('\n\n');
}

/** The document as a Markdown reference: conventions, auth schemes, errors, then each operation by tag. */
export function openApiMarkdown(document: OpenApiDocument, header: string): string {
  const schemes = Object.entries(document.components.securitySchemes).map(([name, scheme]) => `- \`${name}\`: ${scheme.description as string}`);
  const sections = document.tags.map((tag) => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => (operation as Operation).tags.includes(tag.name))
        .map(([method, operation]) => operationSection(method, path, operation as Operation)),
    );
    return [`## ${tag.name}`, tag.description, ...operations].join('\n\n');
  });
  return [`# ${document.info.title} ${document.info.version}`, header, document.info.description, '## Authentication', schemes.join('\n'), errorsSection(document), ...sections].join('\n\n') + '\n';
}
