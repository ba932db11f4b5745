import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { parse } from 'content-disposition';
import { Unzip } from 'fflate';
import Stripe from 'stripe';
import { E2E_BASE_URL, E2E_SERVER_SECRET, E2E_STRIPE_WEBHOOK_SECRET } from '../support/e2e-env';
import { createHandoff, newHostCustomer, urlOf } from '../support/e2e-journeys';
import { pdfText } from '../support/pdf-text';

// What an outside probe sent a real install: amounts past 32 bits, invoice numbers that try to break
// the download header, malformed path escapes and odd Stripe deliveries. Each answers a clean 2xx or
// 4xx in the JSON envelope, never a 500.

const host = { Authorization: `Bearer ${E2E_SERVER_SECRET}` };
const sameOrigin = { Origin: E2E_BASE_URL };

type Invoice = { id: string; number: string; total: number; subtotal: number; amountDue: number; currency: string };
type Failure = { code: string; message: string; fields?: Record<string, string> };

async function data<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { data: T }).data;
}

async function envelopeError(response: APIResponse, statuses: number[]): Promise<Failure> {
  expect(statuses, `${response.url()} answered ${response.status()}: ${await response.text()}`).toContain(response.status());
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { success: boolean; error: Failure };
  expect(body).toEqual({ success: false, error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  return body.error;
}

/** A new contract customer, signed in on `page`; returns its external id. */
async function contractCustomer(page: Page, request: APIRequestContext, tag: string): Promise<string> {
  const customer = newHostCustomer(tag);
  await page.goto((await createHandoff(request, { ...customer, role: 'owner' })).url);
  await expect(page).toHaveURL(urlOf('/account'));
  const contract = { terms: 'Annual, net 30', renewalDate: '2027-06-30', amount: 3_000_000_000, currency: 'eur' };
  await data(await request.put(`/api/v1/organizations/${customer.organization.externalId}`, { headers: host, data: { billing: 'contract', contract } }));
  return customer.organization.externalId;
}

function invoiceBody(number: string, lines: { quantity: number; unitAmount: number }[]) {
  return { number, issuedAt: '2026-07-01', dueAt: '2026-07-31', periodStart: '2026-07-01', periodEnd: '2026-09-30', currency: 'eur', lines: lines.map((l) => ({ description: 'Seats', ...l })) };
}

const pushInvoice = (request: APIRequestContext, externalId: string, body: unknown) => request.post(`/api/v1/organizations/${externalId}/invoices`, { headers: host, data: body });

test('a contract invoice of 30 × 100,000,000 is exact in the API and the PDF; amounts past the bound are 422', async ({ page, request }) => {
  const externalId = await contractCustomer(page, request, 'bigmoney');
  const { invoice } = await data<{ invoice: Invoice }>(await pushInvoice(request, externalId, invoiceBody('BIG-1', [{ quantity: 30, unitAmount: 100_000_000 }])), 201);
  expect(invoice).toMatchObject({ total: 3_000_000_000, subtotal: 3_000_000_000, amountDue: 3_000_000_000 });

  const largest = await data<{ invoice: Invoice }>(await pushInvoice(request, externalId, invoiceBody('BIG-2', [{ quantity: 1, unitAmount: Number.MAX_SAFE_INTEGER - 1 }, { quantity: 1, unitAmount: 1 }])), 201);
  expect(largest.invoice.total).toBe(Number.MAX_SAFE_INTEGER);

  const { invoices } = await data<{ invoices: Invoice[] }>(await page.request.get('/api/account/invoices'));
  expect(Object.fromEntries(invoices.map((i) => [i.number, i.total]))).toEqual({ 'BIG-1': 3_000_000_000, 'BIG-2': Number.MAX_SAFE_INTEGER });
  const pdf = await page.request.get(`/api/account/invoices/${invoice.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(await pdfText(await pdf.body())).toMatch(/Total\s*€30,000,000\.00/);
  expect(await pdfText(await (await page.request.get(`/api/account/invoices/${largest.invoice.id}/pdf`)).body())).toMatch(/Total\s*€90,071,992,547,409\.91/);

  for (const [lines, field] of [
    [[{ quantity: 1_000_000, unitAmount: 100_000_000_000 }], 'lines.0.unitAmount'],
    [[{ quantity: 1, unitAmount: 2 ** 53 }], 'lines.0.unitAmount'],
    [[{ quantity: 1, unitAmount: Number.MAX_SAFE_INTEGER }, { quantity: 1, unitAmount: 1 }], 'lines'],
  ] as const) {
    const error = await envelopeError(await pushInvoice(request, externalId, invoiceBody(`OVER-${field}-${lines.length}`, [...lines])), [422]);
    expect(error.fields?.[field]).toEqual(expect.any(String));
  }

  const report = (amount: unknown) => page.request.post(`/api/account/invoices/${invoice.id}/report-payment`, { headers: sameOrigin, data: { reference: 'TRF-1', paidAt: '2026-07-10', amount } });
  for (const amount of [0, -1, 3_000_000_001, Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, '3000000000']) {
    expect((await envelopeError(await report(amount), [422])).fields?.amount, String(amount)).toEqual(expect.any(String));
  }
  expect((await data<{ invoice: { paymentReport: { amount: number } } }>(await report(3_000_000_000))).invoice.paymentReport.amount).toBe(3_000_000_000);
});

test('invoice numbers that try to break the download header are sent as one plain file name', async ({ page, request }) => {
  const externalId = await contractCustomer(page, request, 'header');
  const numbers: [string, string][] = [
    ['Q"; filename="evil.exe', 'Q_; filename=_evil.exe.pdf'],
    ['Über-Rechnung №5', 'Über-Rechnung №5.pdf'],
    ['INV-1\r\nSet-Cookie: stolen=1', 'INV-1__Set-Cookie_ stolen=1.pdf'],
    ['INV\t2', 'INV_2.pdf'],
    ['請求書-3', '請求書-3.pdf'],
    ['../../4', '_._4.pdf'],
  ];
  for (const [number, fileName] of numbers) {
    const { invoice } = await data<{ invoice: Invoice }>(await pushInvoice(request, externalId, invoiceBody(number, [{ quantity: 1, unitAmount: 100 }])), 201);
    const pdf = await page.request.get(`/api/account/invoices/${invoice.id}/pdf`);
    expect(pdf.status(), number).toBe(200);
    expect(pdf.headers()['set-cookie'], number).toBeUndefined();
    const { type, parameters } = parse(pdf.headers()['content-disposition']!);
    expect(type).toBe('attachment');
    expect(parameters.filename, number).toBe(fileName);
    expect(Object.keys(parameters).filter((key) => key !== 'filename' && key !== 'filename*'), number).toEqual([]);
  }

  const zip = await page.request.get('/api/account/invoices/archive.zip');
  expect(zip.status()).toBe(200);
  expect(parse(zip.headers()['content-disposition']!).parameters).toEqual({ filename: 'invoices.zip' });
  const entries: string[] = [];
  new Unzip((file) => entries.push(file.name)).push(new Uint8Array(await zip.body()), true);
  expect(entries.sort()).toEqual(numbers.map(([, fileName]) => fileName).sort());
});

const malformedSegments = ['%ZZ', '%', '%E0%A4%A', '%ED%A0%80', '%00', 'a%00b', '%0D%0A', '%1F', '%7F', 'x'.repeat(300), '%41'.repeat(300)];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const apiRoutes: [Method, (segment: string) => string][] = [
  ['get', (s) => `/api/account/invoices/${s}`],
  ['get', (s) => `/api/account/invoices/${s}/pdf`],
  ['post', (s) => `/api/account/invoices/${s}/report-payment`],
  ['get', (s) => `/api/account/usage/${s}`],
  ['get', (s) => `/api/account/usage/${s}/export.csv`],
  ['delete', (s) => `/api/account/api-keys/${s}`],
  ['post', (s) => `/api/account/api-keys/${s}/rotate`],
  ['patch', (s) => `/api/account/team/members/${s}`],
  ['delete', (s) => `/api/account/team/invitations/${s}`],
  ['delete', (s) => `/api/account/billing/tax-ids/${s}`],
  ['put', (s) => `/api/v1/organizations/${s}`],
  ['post', (s) => `/api/v1/organizations/${s}/invoices`],
  ['post', (s) => `/api/v1/organizations/org_x/invoices/${s}/mark-paid`],
];

/**
 * Every route with every malformed segment. A segment with an escape never reaches a route; a plain
 * one (too long) may meet the route's own checks first: a caller without the credential that route
 * takes gets its 401, or the 403 of a cookie route's same-origin check.
 */
async function probeApi(request: APIRequestContext, headers: Record<string, string>, credential: 'none' | 'host' | 'browser') {
  for (const segment of malformedSegments) {
    for (const [method, pathOf] of apiRoutes) {
      const path = pathOf(segment);
      const hasCredential = credential === (path.startsWith('/api/v1/') ? 'host' : 'browser');
      const statuses = segment.includes('%') || hasCredential ? [404, 422] : [401, 403, 404, 422];
      await envelopeError(await request[method](path, { headers, data: method === 'get' ? undefined : {}, maxRedirects: 0 }), statuses);
    }
  }
}

test('malformed path segments answer 404 or 422 in the JSON envelope, signed in or not', async ({ page, request }) => {
  await probeApi(request, {}, 'none');
  await probeApi(request, host, 'host');
  await contractCustomer(page, request, 'paths');
  await probeApi(page.request, sameOrigin, 'browser');
  for (const segment of malformedSegments) {
    const visit = await page.request.get(`/account/invoices/${segment}`, { maxRedirects: 0 });
    expect(visit.status(), segment).toBe(404);
    expect(visit.headers()['content-type'], segment).toContain('text/html');
  }
});

test('Stripe webhooks refuse a signature dated ahead and a signed body that is no event, with 400', async ({ request }) => {
  const now = Math.floor(Date.now() / 1000);
  const deliver = (body: string, timestamp = now) =>
    request.post('/api/webhooks/stripe', { headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret: E2E_STRIPE_WEBHOOK_SECRET, timestamp }) }, data: Buffer.from(body) });
  const event = (id: string) => JSON.stringify({ id, object: 'event', type: 'radar.early_fraud_warning.created', created: now, data: { object: { id: 'issfr_1' } } });

  for (const offset of [3600, 310, -310]) expect((await envelopeError(await deliver(event(`evt_e2e_time_${offset}`), now + offset), [400])).code).toBe('invalid_signature');
  for (const body of ['[]', '"x"', '{}', '{"id":"evt_1"}', 'not json', 'null']) expect((await envelopeError(await deliver(body), [400])).code, body).toBe('invalid_event');
  expect((await deliver(event(`evt_e2e_ok_${now}`), now + 60)).status()).toBe(200);
});

test('the start refuses STRIPE_WEBHOOK_SECRET without STRIPE_SECRET_KEY, saying why', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'deflect-refused-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORTAL_SERVER_SECRET: E2E_SERVER_SECRET, STRIPE_WEBHOOK_SECRET: 'whsec_alone', STRIPE_SECRET_KEY: '' };
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // A server that kept serving would never exit: stop it before the test's own timeout.
  const guard = setTimeout(() => server.kill(), 45_000);
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
    expect(code, output).toBe(1);
    expect(output).toContain('STRIPE_SECRET_KEY: STRIPE_WEBHOOK_SECRET is set, which needs STRIPE_SECRET_KEY too');
  } finally {
    clearTimeout(guard);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
