import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../support/e2e-env';
import { signIn, urlOf } from '../support/e2e-journeys';

// The published contract against the running portal: the document is public, and what the portal's
// JSON reads answer a signed-in owner fits the response schemas it documents.

type Media = { content?: Record<string, { schema: z.core.JSONSchema.JSONSchema }> };
type Operation = { security: Record<string, string[]>[]; responses: Record<string, Media> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

test('GET /api/openapi.json is public and cacheable', async ({ request }) => {
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=3600');
  expect(((await response.json()) as Document).openapi).toBe('3.1.0');
});

test('every JSON read of the portal API answers as the document describes it', async ({ page, request }) => {
  const document = (await (await request.get('/api/openapi.json')).json()) as Document;
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  const invoices = (await (await page.request.get('/api/account/invoices')).json()) as { data: { invoices: { id: string }[] } };
  const ticket = await page.request.post('/api/account/support/tickets', { headers: { Origin: E2E_BASE_URL }, data: { subject: 'A read for the contract check', body: 'Checking the documented answers.' } });
  expect(ticket.status(), await ticket.text()).toBe(201);
  const ticketId = ((await ticket.json()) as { data: { ticket: { id: string } } }).data.ticket.id;
  const params: Record<string, string> = { meter: 'api_calls', id: invoices.data.invoices[0]!.id };
  /** `{id}` is an invoice's, except on the paths of another kind of thing. */
  const idFor = (path: string) => (path.startsWith('/api/account/support/tickets/') ? ticketId : params.id!);

  const reads = Object.entries(document.paths).flatMap(([path, item]) =>
    item.get?.security.some((s) => 'session' in s) && item.get.responses['200']?.content?.['application/json'] ? [{ path, schema: item.get.responses['200'].content['application/json'].schema }] : [],
  );
  expect(reads.length).toBeGreaterThan(8);
  const mismatches: Record<string, unknown> = {};
  for (const read of reads) {
    const url = read.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? idFor(read.path) : params[name]!));
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const issues = z.fromJSONSchema(read.schema).safeParse(await response.json()).error?.issues;
    if (issues) mismatches[url] = issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  expect(mismatches).toEqual({});
});
