import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectWithinWidth, sidewaysScrollers } from '../support/account-shell';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_SERVER_SECRET, E2E_STRIPE_SECRET_KEY, E2E_STRIPE_URL } from '../support/e2e-env';
import { createHandoff, invoiceRows, newHostCustomer, signIn, uniqueId, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { pdfText } from '../support/pdf-text';

const host = { Authorization: `Bearer ${E2E_SERVER_SECRET}` };
const sameOrigin = { Origin: E2E_BASE_URL };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function changeCompanyName(page: Page, companyName: string): Promise<void> {
  const changed = await page.request.patch('/api/account/billing/details', { headers: sameOrigin, data: { companyName } });
  expect(changed.status(), await changed.text()).toBe(200);
}

/** A contract customer of the host, signed in as its owner, with one invoice issued last month. */
async function contractCustomerWithInvoice(page: Page): Promise<{ number: string; companyName: string }> {
  const customer = newHostCustomer('correct');
  const contract = { terms: 'Annual, net 30', renewalDate: '2027-12-31', amount: 1_200_000, currency: 'eur' };
  const put = await page.request.put(`/api/v1/organizations/${customer.organization.externalId}`, { headers: host, data: { name: customer.organization.name, billing: 'contract', contract } });
  expect(put.status(), await put.text()).toBe(200);
  const { url } = await createHandoff(page.request, { ...customer, path: '/account/invoices' });
  await page.goto(url);
  await expect(page).toHaveURL(urlOf('/account/invoices'));
  const companyName = `Globex Trading ${uniqueId()}`;
  await changeCompanyName(page, companyName);

  const number = `COR-${uniqueId()}`;
  const issuedAt = daysAgo(20);
  const lines = [{ description: 'Enterprise plan', quantity: 1, unitAmount: 1_200_000 }];
  const body = { number, issuedAt, dueAt: issuedAt, periodStart: issuedAt, periodEnd: issuedAt, currency: 'eur', lines };
  const issued = await page.request.post(`/api/v1/organizations/${customer.organization.externalId}/invoices`, { headers: host, data: body });
  expect(issued.status(), await issued.text()).toBe(201);
  return { number, companyName };
}

test('a contract customer gets a corrected copy of an issued invoice, and both versions download', async ({ page }) => {
  const { number, companyName } = await contractCustomerWithInvoice(page);
  const newName = `${companyName} GmbH`;
  await changeCompanyName(page, newName);

  await page.reload();
  await invoiceRows(page).filter({ hasText: number }).getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();

  const section = page.getByRole('region', { name: 'Correct billing details on this invoice' });
  const company = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Company name' }) });
  await expect(company).toContainText(companyName);
  await expect(company).toContainText(newName);
  await expect(company).toContainText('Changed');

  // Asked first; cancelling changes nothing.
  await section.getByRole('button', { name: 'Request corrected copy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request a corrected invoice?' });
  await expect(dialog).toContainText('the original is kept and marked superseded');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('table', { name: 'Issued versions' })).toHaveCount(0);

  await section.getByRole('button', { name: 'Request corrected copy' }).click();
  await dialog.getByRole('button', { name: 'Request corrected copy' }).click();
  await expect(page.getByText('A corrected copy was issued. Download it below.')).toBeVisible();

  const versions = section.getByRole('table', { name: 'Issued versions' });
  const original = versions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Original' }) });
  const corrected = versions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Revision 2' }) });
  await expect(original).toContainText('Superseded');
  await expect(corrected).toContainText('Current');
  // The invoice now shows the details on file: nothing left to correct.
  await expect(section.getByRole('button', { name: 'Request corrected copy' })).toHaveCount(0);
  await expect(section.getByText('This invoice already shows the details on file.')).toBeVisible();

  const download = page.waitForEvent('download');
  await corrected.getByRole('link', { name: 'Download PDF of revision 2' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${number}-R2.pdf`);
  const text = await pdfText(await readFile(await file.path()));
  expect(text).toContain(newName);
  expect(text).toContain('Corrected copy (revision 2)');

  const originalHref = await original.getByRole('link', { name: 'Download PDF of the original' }).getAttribute('href');
  const originalPdf = await page.request.get(originalHref!);
  expect(originalPdf.status()).toBe(200);
  const originalText = await pdfText(await originalPdf.body());
  expect(originalText).toContain(companyName);
  expect(originalText).not.toContain(newName);
  expect(originalText).toContain('Superseded');

  // On a phone the section fits the width, its download links in reach.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScrollers(page)).toEqual([]);
  await expectWithinWidth(page, corrected.getByRole('link', { name: 'Download PDF of revision 2' }));
});

test('a request the server refuses is shown as an error, and the page stays as it was', async ({ page }) => {
  const { number, companyName } = await contractCustomerWithInvoice(page);
  await changeCompanyName(page, `${companyName} AG`);
  await page.reload();
  await invoiceRows(page).filter({ hasText: number }).getByRole('link', { name: number, exact: true }).click();
  const section = page.getByRole('region', { name: 'Correct billing details on this invoice' });
  await expect(section.getByRole('button', { name: 'Request corrected copy' })).toBeVisible();
  // The details go back to what the invoice shows while the page is open: nothing to correct any more.
  await changeCompanyName(page, companyName);
  await section.getByRole('button', { name: 'Request corrected copy' }).click();
  await page.getByRole('dialog', { name: 'Request a corrected invoice?' }).getByRole('button', { name: 'Request corrected copy' }).click();
  await expect(page.getByText('This invoice already shows the billing details on file. Change them on Billing first.')).toBeVisible();
  await expect(section.getByRole('table', { name: 'Issued versions' })).toHaveCount(0);
});

/** A call to the fake Stripe's API, as the host's own backend or Stripe's dashboard would make it. */
async function stripeApi(page: Page, method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const response = await page.request.fetch(`${E2E_STRIPE_URL}${path}`, { method, headers: { Authorization: `Bearer ${E2E_STRIPE_SECRET_KEY}` }, form });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { id: string; name?: string; number?: string };
}

/** A new Stripe customer with one finalized invoice, billed through the portal by a new organization signed in as its owner. */
async function stripeCustomerWithInvoice(page: Page): Promise<{ number: string; customerId: string }> {
  const customer = newHostCustomer('stripecorr');
  const stripeCustomer = await stripeApi(page, 'POST', '/v1/customers', { name: `Initrode ${uniqueId()}`, email: customer.user.email });
  const draft = await stripeApi(page, 'POST', '/v1/invoices', { customer: stripeCustomer.id, currency: 'eur' });
  await stripeApi(page, 'POST', '/v1/invoiceitems', { customer: stripeCustomer.id, invoice: draft.id, amount: '4900', currency: 'eur', description: 'Pro plan' });
  const invoice = await stripeApi(page, 'POST', `/v1/invoices/${draft.id}/finalize`);
  const put = await page.request.put(`/api/v1/organizations/${customer.organization.externalId}`, { headers: host, data: { name: customer.organization.name, billing: 'stripe', stripeCustomerId: stripeCustomer.id } });
  expect(put.status(), await put.text()).toBe(200);
  const { url } = await createHandoff(page.request, { ...customer, path: '/account/invoices' });
  await page.goto(url);
  await expect(page).toHaveURL(urlOf('/account/invoices'));
  // The first look fetches the customer's invoices from Stripe.
  expect((await page.request.get('/api/account/invoices')).status()).toBe(200);
  return { number: invoice.number!, customerId: stripeCustomer.id };
}

test('a Stripe customer’s request waits for a lead’s approval, then the invoice is credited and reissued', async ({ page, browser }) => {
  const { number, customerId } = await stripeCustomerWithInvoice(page);
  const newName = `Initrode Holdings ${uniqueId()}`;
  await changeCompanyName(page, newName);
  await page.goto('/account/invoices');
  await invoiceRows(page).filter({ hasText: number }).getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();

  const section = page.getByRole('region', { name: 'Correct billing details on this invoice' });
  await expect(section).toContainText('credited in full and replaced by a new invoice');
  await section.getByRole('button', { name: 'Request corrected copy' }).click();
  await page.getByRole('dialog', { name: 'Request a corrected invoice?' }).getByRole('button', { name: 'Request corrected copy' }).click();
  await expect(page.getByText('Your request was sent. The support team approves it, then you get the corrected invoice by email.')).toBeVisible();
  await expect(section.getByRole('status').filter({ hasText: 'Awaiting approval.' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Request corrected copy' })).toHaveCount(0);
  // The new name reaches the Stripe customer through the job queue; the new invoice is made out to it.
  await expect.poll(async () => (await stripeApi(page, 'GET', `/v1/customers/${customerId}`)).name).toBe(newName);

  // A lead approves it in the console.
  const staffContext = await browser.newContext();
  const lead = await staffContext.newPage();
  await staffHandoffSignIn(lead, 'lead', '/admin/invoice-corrections?status=awaiting_approval');
  await expect(lead.getByRole('heading', { name: 'Invoice corrections', level: 1 })).toBeVisible();
  await lead.getByRole('button', { name: `Approve the correction of invoice ${number}` }).click();
  await lead.getByRole('dialog', { name: `Credit and reissue invoice ${number}?` }).getByRole('button', { name: 'Approve' }).click();
  await expect(lead.getByText('Approved: the invoice was credited and reissued at Stripe.')).toBeVisible();
  await expect(lead.getByRole('button', { name: `Approve the correction of invoice ${number}` })).toHaveCount(0);
  await staffContext.close();

  await page.reload();
  await expect(section.getByText('This invoice was credited and replaced by a new invoice with your current details.')).toBeVisible();
  await page.getByRole('link', { name: '← All invoices' }).click();
  await expect(invoiceRows(page)).toHaveCount(2);
});

test('the correction routes answer another organization’s invoice 404, and odd input 422', async ({ page, browser }) => {
  const { number } = await contractCustomerWithInvoice(page);
  const listed = (await (await page.request.get('/api/account/invoices')).json()) as { data: { invoices: { id: string; number: string }[] } };
  const invoiceId = listed.data.invoices.find((i) => i.number === number)!.id;
  const revisions = await page.request.get(`/api/account/invoices/${invoiceId}/revisions`);
  expect(await revisions.json()).toMatchObject({ success: true, data: { revisions: [{ revision: 1, superseded: false }] } });
  const odd = await page.request.get(`/api/account/invoices/${invoiceId}/pdf?revision=abc`);
  expect(odd.status()).toBe(422);
  expect(await odd.json()).toMatchObject({ success: false, error: { code: 'validation_failed', fields: { revision: expect.any(String) } } });
  expect((await page.request.get(`/api/account/invoices/${invoiceId}/pdf?revision=2`)).status()).toBe(404);
  const unchanged = await page.request.post(`/api/account/invoices/${invoiceId}/corrections`, { headers: sameOrigin, data: {} });
  expect(unchanged.status()).toBe(409);
  expect((await page.request.post(`/api/account/invoices/${invoiceId}/corrections`, { headers: { Origin: 'https://evil.example' }, data: {} })).status()).toBe(403);

  const acme = await browser.newContext();
  const acmePage = await acme.newPage();
  await signIn(acmePage, 'billing@acme.example', DEMO_PASSWORD);
  await expect(acmePage).toHaveURL(urlOf('/account'));
  for (const response of [
    await acmePage.request.post(`/api/account/invoices/${invoiceId}/corrections`, { headers: sameOrigin, data: {} }),
    await acmePage.request.get(`/api/account/invoices/${invoiceId}/revisions`),
    await acmePage.request.get(`/api/account/invoices/${invoiceId}/pdf?revision=1`, { maxRedirects: 0 }),
  ]) {
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'not_found' } });
  }
  await acme.close();
});
