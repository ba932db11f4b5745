import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../../../../tests/support/test-db';
import { stampRequest } from '@/platform/http/request-stamp.mjs';
import { PUT } from './route';

const t = useTestDatabase();
const secret = process.env.PORTAL_SERVER_SECRET!;
const billingDetails = { company: 'Globex Billing GmbH', vat: 'DE811907980', terms: 'Net 30, invoice to Globex Billing GmbH, VAT DE811907980, IBAN DE89370400440532013000' };

// The route behind an entry that stamps each request as scripts/server.mjs does, so the request id
// is the one the server gave it.
let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
  // Make the database refuse this company, so the statement fails with the billing details among its parameters.
  await t.db.execute(sql.raw(`alter table organization add constraint refuse_for_test check (name not like '%Globex%')`));
  server = http.createServer((req, res) => {
    stampRequest(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = new Headers(Object.entries(req.headers).map(([name, value]): [string, string] => [name, String(value)]));
      const request = new Request(`${baseUrl}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const externalId = decodeURIComponent(req.url!.split('/').at(-1)!);
      const response = await PUT(request, { params: Promise.resolve({ externalId }) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const put = (externalId: string, body: unknown) =>
  fetch(`${baseUrl}/api/v1/organizations/${externalId}`, { method: 'PUT', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a database error on PUT /api/v1/organizations/{externalId}', () => {
  it.each([
    ['creating', 'org_globex_new', { name: billingDetails.company, contract: { terms: billingDetails.terms, renewalDate: '2027-01-31', amount: 1250000, currency: 'eur' }, billing: 'contract' }],
    ['renaming', 'org_globex_renamed', { name: billingDetails.company }],
  ])('when %s: logs code, statement and request id, never the billing details', async (_case, externalId, body) => {
    if (externalId === 'org_globex_renamed') expect((await put(externalId, { name: 'Initech' })).status).toBe(200);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await put(externalId, body);
    const lines = logged.mock.calls.map((args) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
    logged.mockRestore();

    expect(response.status).toBe(500);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const envelope = await response.json();
    expect(envelope).toEqual({ success: false, error: { code: 'internal', message: expect.any(String), requestId } });

    const log = lines.join('\n');
    expect(lines).toHaveLength(1);
    expect(log).toContain('[http] unhandled error');
    expect(log).toContain(requestId);
    expect(log).toContain('"code":"23514"');
    expect(log).toMatch(/"statement":"(insert|update) organization [0-9a-f]{8}"/);
    expect(log).toContain('"constraint":"refuse_for_test"');
    for (const value of [billingDetails.company, 'Globex', billingDetails.vat, 'IBAN', 'DE89370400440532013000', '1250000', externalId, 'params', 'organization" set', 'Failed query']) {
      expect(log).not.toContain(value);
    }
  });
});
