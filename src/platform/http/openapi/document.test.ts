import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument } from './document';
import type { OperationSpec } from './operation';

const info = { title: 'Test', version: '1.0.0', description: 'Test.' };
const documentOf = (...operations: OperationSpec[]) => buildOpenApiDocument({ info, tags: [{ name: 't', description: 'T.' }], operations });
const data = z.object({ id: z.string() });
const base = { tag: 't', summary: 'S.', success: { status: 200, description: 'OK.', data } };

describe('buildOpenApiDocument', () => {
  it('gives a cookie write its Origin header and the errors its auth and body imply', () => {
    const doc = documentOf({ ...base, method: 'patch', path: '/things', auth: { type: 'session' }, body: { schema: z.object({ name: z.string() }) }, errors: ['conflict'] });
    const operation = doc.paths['/things']!.patch!;
    expect(operation.security).toEqual([{ session: [] }]);
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'Origin', in: 'header', required: true })]);
    expect(Object.keys(operation.responses as object)).toEqual(['200', '401', '403', '409', '413', '422', '500']);
  });

  it('a staff console read answers 401 and 403 (the role may lack the permission); its writes need the Origin too', () => {
    const doc = documentOf({ ...base, method: 'get', path: '/staff-things', auth: { type: 'staffSession' } }, { ...base, method: 'post', path: '/staff-things', auth: { type: 'staffSession' } });
    const read = doc.paths['/staff-things']!.get!;
    expect(read.security).toEqual([{ staffSession: [] }]);
    expect(read.parameters).toBeUndefined();
    expect(Object.keys(read.responses as object)).toEqual(['200', '401', '403', '500']);
    expect(doc.paths['/staff-things']!.post!.parameters).toEqual([expect.objectContaining({ name: 'Origin', in: 'header', required: true })]);
  });

  it('a public read outside the envelope answers no envelope errors', () => {
    const doc = documentOf({ ...base, method: 'get', path: '/health', auth: { type: 'public' }, success: { status: 200, description: 'Up.', mediaType: 'application/json' }, noEnvelope: true });
    const operation = doc.paths['/health']!.get!;
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses as object)).toEqual(['200']);
  });

  it('leaves the keys a route takes from the path out of the body, and says when the body may be left out', () => {
    const schema = z.object({ externalId: z.string(), name: z.string().optional() });
    const doc = documentOf(
      { ...base, method: 'put', path: '/orgs/{externalId}', auth: { type: 'serverSecret' }, pathParams: { externalId: { description: 'Id.' } }, body: { schema, fromPath: ['externalId'] } },
      { ...base, method: 'post', path: '/flows', auth: { type: 'serverSecret' }, body: { schema: z.object({ flow: z.string().optional() }) } },
      { ...base, method: 'post', path: '/named', auth: { type: 'serverSecret' }, body: { schema: z.object({ name: z.string() }) } },
    );
    expect(doc.paths['/orgs/{externalId}']!.put!.requestBody).toEqual({
      required: false,
      content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } },
    });
    expect(doc.paths['/flows']!.post!.requestBody).toMatchObject({ required: false });
    expect(doc.paths['/named']!.post!.requestBody).toMatchObject({ required: true });
    expect(() => documentOf({ ...base, method: 'put', path: '/x/{id}', auth: { type: 'serverSecret' }, body: { schema, fromPath: ['id'] } })).toThrow('no property "id"');
  });

  it('keeps documented answers open to more fields, and refuses an operation described twice', () => {
    const doc = documentOf({ ...base, method: 'get', path: '/things', auth: { type: 'session' } });
    expect(JSON.stringify(doc.paths['/things']!.get!.responses)).not.toContain('additionalProperties');
    const twice: OperationSpec = { ...base, method: 'get', path: '/things', auth: { type: 'session' } };
    expect(() => documentOf(twice, twice)).toThrow('GET /things is described twice.');
  });
});
