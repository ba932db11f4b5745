import { expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument } from './document';
import { openApiMarkdown } from './markdown';

it('renders each operation with its auth, parameters, body fields (nested, with constraints) and responses', () => {
  const document = buildOpenApiDocument({
    info: { title: 'Test API', version: '2.0.0', description: 'About.' },
    tags: [{ name: 'Things', description: 'All things.' }],
    operations: [
      {
        method: 'post',
        path: '/things/{id}',
        tag: 'Things',
        summary: 'Make a thing',
        auth: { type: 'serverSecretOrApiKey', scope: 'things:write' },
        pathParams: { id: { description: 'The thing id.' } },
        body: { schema: z.object({ lines: z.array(z.object({ amount: z.int().positive() })).min(1).max(5), note: z.string().max(10).nullable().optional() }) },
        success: { status: 201, description: 'Made.', data: z.object({ id: z.string() }) },
        errors: ['conflict'],
      },
    ],
  });
  const markdown = openApiMarkdown(document, 'Generated.');
  expect(markdown).toContain('# Test API 2.0.0\n\nGenerated.\n\nAbout.');
  expect(markdown).toContain('### `POST /things/{id}`\n\nMake a thing');
  expect(markdown).toContain('**Auth:** [`serverSecret`](#authentication) or [`apiKey`](#authentication) with scope `things:write`');
  expect(markdown).toContain('| `id` | path | string | yes | The thing id. |');
  expect(markdown).toContain('| `lines` | array of object | yes | 1–5 items |');
  expect(markdown).toContain('| `lines[].amount` | integer | yes | > 0 |');
  expect(markdown).toContain('| `note` | string \\| null | no | at most 10 characters |');
  expect(markdown).toContain('- `201` (`application/json`): Made.');
  expect(markdown).toContain('`401` `unauthorized`, `403` `forbidden`, `409` `conflict`, `413` `payload_too_large`, `422` `validation_failed`, `500` `internal`');
});
