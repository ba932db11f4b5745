import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectWithinWidth, sidewaysScrollers } from '../support/account-shell';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_SERVER_SECRET } from '../support/e2e-env';
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

test('a Stripe customer’s request waits for a lead’s approval, then the invoice is credited and reissued', async ({ page, browser }) => {
  await signIn(page, 'billing@acme.example', DEMO_PASSWORD, { next: '/account/invoices' });
  await expect(page).toHaveURL(urlOf('/account/invoices'));
  await changeCompanyName(page, `Acme Analytics Ltd ${uniqueId()}`);
  const first = invoiceRows(page).first();
  const number = (await first.getByRole('rowheader').textContent())!.trim();
  await first.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();

  const section = page.getByRole('region', { name: 'Correct billing details on this invoice' });
  await expect(section).toContainText('credited in full and replaced by a new invoice');
  await section.getByRole('button', { name: 'Request corrected copy' }).click();
  await page.getByRole('dialog', { name: 'Request a corrected invoice?' }).getByRole('button', { name: 'Request corrected copy' }).click();
  await expect(page.getByText('Your request was sent. The support team approves it, then you get the corrected invoice by email.')).toBeVisible();
  await expect(section.getByRole('status').filter({ hasText: 'Awaiting approval.' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Request corrected copy' })).toHaveCount(0);

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
});
