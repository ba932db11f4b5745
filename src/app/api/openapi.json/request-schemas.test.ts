import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestDatabase } from '../../../../tests/support/test-db';
import { POST as verifyKey } from '../v1/keys/verify/route';
import { POST as issueInvoice } from '../v1/organizations/[externalId]/invoices/route';
import { PUT as upsertOrganization } from '../v1/organizations/[externalId]/route';
import { POST as createPortalSession } from '../v1/portal-sessions/route';
import { POST as ingestUsage } from '../v1/usage-events/route';
import { openApiDocument } from './document';

// The document's schemas (read back from its JSON, as a client would) against the real routes: an
// example from API.md passes both and its answer fits the documented response; a broken one is
// refused by both, for the same field.

useTestDatabase();
const SECRET = 'test-server-secret-not-for-production';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Media = { content: Record<string, { schema: Record<string, unknown> }> };
type Operation = { requestBody: Media; responses: Record<string, Media> };

function operation(method: string, path: string): Operation {
  return (openApiDocument().paths[path] as unknown as Record<string, Operation>)[method]!;
}

const documented = (media: Media) => z.fromJSONSchema(media.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);

async function call(handler: Handler, method: string, url: string, params: Record<string, string>, body: unknown) {
  const request = new Request(`http://localhost:3000${url}`, {
    method,
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as { error?: { fields?: Record<string, string> } } };
}

async function newOrganization(): Promise<string> {
  const externalId = `org-${randomUUID()}`;
  await call(upsertOrganization as Handler, 'PUT', `/api/v1/organizations/${externalId}`, { externalId }, { name: 'Acme GmbH' });
  return externalId;
}

type Case = {
  method: string;
  path: string;
  handler: Handler;
  status: number;
  /** The path parameters, made fresh per test where the route needs an organization. */
  params: () => Promise<Record<string, string>>;
  valid: (params: Record<string, string>) => unknown;
  invalid: (params: Record<string, string>) => unknown;
  badField: string;
};

const invoice = {
  number: 'INV-2026-001',
  issuedAt: '2026-01-01',
  dueAt: '2026-01-31',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'eur',
  lines: [{ description: 'Enterprise plan, 2026', quantity: 1, unitAmount: 1_200_000 }],
};
const event = { meter: 'api_calls', value: 3, timestamp: new Date().toISOString(), idempotencyKey: 'req-1' };

const cases: Case[] = [
  {
    method: 'put',
    path: '/api/v1/organizations/{externalId}',
    handler: upsertOrganization as Handler,
    status: 200,
    params: async () => ({ externalId: `org-${randomUUID()}` }),
    valid: () => ({ name: 'Acme GmbH', plan: 'pro', billing: 'contract', contract: { terms: 'Net 30, invoiced yearly', renewalDate: '2027-01-31', amount: 1_200_000, currency: 'eur' } }),
    invalid: () => ({ billing: 'contract', contract: { terms: 'Net 30', renewalDate: '31.01.2027', amount: 1_200_000, currency: 'eur' } }),
    badField: 'contract.renewalDate',
  },
  {
    method: 'post',
    path: '/api/v1/organizations/{externalId}/invoices',
    handler: issueInvoice as Handler,
    status: 201,
    params: async () => ({ externalId: await newOrganization() }),
    valid: () => invoice,
    invalid: () => ({ ...invoice, lines: [{ description: 'Seats', quantity: 0, unitAmount: 100 }] }),
    badField: 'lines.0.quantity',
  },
  {
    method: 'post',
    path: '/api/v1/portal-sessions',
    handler: createPortalSession as Handler,
    status: 201,
    params: async () => ({}),
    valid: () => ({ user: { externalId: `u-${randomUUID()}`, email: `ada-${randomUUID()}@example.com`, name: 'Ada' }, organization: { externalId: `org-${randomUUID()}`, name: 'Acme' }, role: 'admin', path: '/account/billing' }),
    invalid: () => ({ user: { externalId: 'u-1', email: 'ada at example.com' }, organization: { externalId: 'org-1' } }),
    badField: 'user.email',
  },
  {
    method: 'post',
    path: '/api/v1/usage-events',
    handler: ingestUsage as Handler,
    status: 200,
    params: async () => ({ externalId: await newOrganization() }),
    valid: ({ externalId }) => ({ events: [{ ...event, organizationExternalId: externalId }] }),
    invalid: ({ externalId }) => ({ events: [{ ...event, organizationExternalId: externalId, timestamp: 'yesterday' }] }),
    badField: 'events.0.timestamp',
  },
  {
    method: 'post',
    path: '/api/v1/keys/verify',
    handler: verifyKey as Handler,
    status: 200,
    params: async () => ({}),
    valid: () => ({ key: 'dfl_live_not_a_real_key', scope: 'read' }),
    invalid: () => ({ key: 42 }),
    badField: 'key',
  },
];

describe.each(cases)('$method $path', (c) => {
  const url = (params: Record<string, string>) => c.path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!);

  it('accepts an example from API.md, as the route does, and answers as documented', async () => {
    const params = await c.params();
    const body = c.valid(params);
    expect(documented(operation(c.method, c.path).requestBody).safeParse(body).error).toBeUndefined();
    const answer = await call(c.handler, c.method.toUpperCase(), url(params), params, body);
    expect(answer.status).toBe(c.status);
    expect(documented(operation(c.method, c.path).responses[String(c.status)]!).safeParse(answer.body).error).toBeUndefined();
  });

  it('refuses a broken one for the same field, as the route does', async () => {
    const params = await c.params();
    const body = c.invalid(params);
    const issues = documented(operation(c.method, c.path).requestBody).safeParse(body).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toContain(c.badField);
    const answer = await call(c.handler, c.method.toUpperCase(), url(params), params, body);
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.error?.fields ?? {})).toContain(c.badField);
  });
});
