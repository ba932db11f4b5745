import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openApiDocument } from './document';
import { GET } from './route';

it('GET /api/openapi.json answers the OpenAPI 3.1 document to anyone, cacheable, versioned like the package', async () => {
  const response = GET();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  const body = await response.json();
  expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  expect(body.openapi).toBe('3.1.0');
  expect(body.info.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  expect(Object.keys(body.paths)).toContain('/api/v1/portal-sessions');
});
