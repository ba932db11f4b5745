import { compileErrors, validate } from '@readme/openapi-parser';
import { expect, it } from 'vitest';
import { openApiDocument } from './document';

type Loose = { paths: Record<string, Record<string, { parameters?: unknown }>> };
type Parsed = Parameters<typeof validate>[0];

/** The document as a client reads it: JSON, nothing shared with the object the route serves. */
const served = () => JSON.parse(JSON.stringify(openApiDocument())) as Loose;

it('is a valid OpenAPI 3.1 document', async () => {
  const result = await validate(served() as unknown as Parsed);
  expect(result.valid ? '' : compileErrors(result)).toBe('');
});

it('would not be, were a path parameter left undescribed (the validator checks more than the shape)', async () => {
  const broken = served();
  delete broken.paths['/api/v1/organizations/{externalId}']!.put!.parameters;
  const result = await validate(broken as unknown as Parsed);
  expect(result.valid).toBe(false);
  expect(compileErrors(result)).toContain('externalId');
});
