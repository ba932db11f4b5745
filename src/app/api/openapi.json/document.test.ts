import { compileErrors, validate } from '@readme/openapi-parser';
import { expect, it } from 'vitest';
import { openApiDocument } from './document';

type Loose = { paths: Record<string, Record<string, { parameters?: unknown }>> };

it('is a valid OpenAPI 3.1 document', async () => {
  const result = await validate(structuredClone(openApiDocument()));
  expect(result.valid ? '' : compileErrors(result)).toBe('');
});

it('would not be, were a path parameter left undescribed (the validator checks more than the shape)', async () => {
  const broken = structuredClone(openApiDocument()) as unknown as Loose;
  delete broken.paths['/api/v1/organizations/{externalId}']!.put!.parameters;
  const result = await validate(broken);
  expect(result.valid).toBe(false);
  expect(compileErrors(result)).toContain('externalId');
});
