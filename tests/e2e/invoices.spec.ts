import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_SERVER_SECRET } from '../support/e2e-env';
import { downloadInvoicesZip, invoiceRows, previousQuarter, signIn, urlOf } from '../support/e2e-journeys';

async function openInvoices(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL(urlOf('/account/invoices'));
  await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
}

test('a Stripe customer downloads last quarter’s invoices as a ZIP and reads why one was prorated', async ({ page }) => {
  await openInvoices(page, 'billing@acme.example');
  await expect(invoiceRows(page)).toHaveCount(7);

  // "Last quarter": its three monthly invoices, the preset marked as the current one.
  const { from, to } = previousQuarter();
  await page.getByRole('navigation', { name: 'Date range presets' }).getByRole('link', { name: 'Last quarter' }).click();
  await expect(page).toHaveURL(urlOf(`/account/invoices?from=${from}&to=${to}`));
  await expect(page.getByRole('link', { name: 'Last quarter' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Issued from')).toHaveValue(from);
  await expect(page.getByLabel('Issued until')).toHaveValue(to);
  const rows = invoiceRows(page);
  await expect(rows).toHaveCount(3);
  const numbers = (await rows.getByRole('rowheader').allTextContents()).map((n) => n.trim());
  for (const number of numbers) expect(number).toMatch(/^ACME-\d{4}$/);
  await expect(rows.first()).toContainText('Paid');
  await expect(rows.first().getByRole('link', { name: `Download PDF of invoice ${numbers[0]}` })).toHaveAttribute('href', /\/api\/account\/invoices\/[^/]+\/pdf$/);

  // The ZIP of the range holds one PDF per invoice.
  const zip = await downloadInvoicesZip(page);
  expect(zip.fileName).toBe(`invoices-from-${from}-to-${to}.zip`);
  expect(zip.pdfNames).toEqual(numbers.map((n) => `${n}.pdf`).sort());

  // The quarter's middle invoice carries the seat change of the month before, explained in words.
  await rows.nth(1).getByRole('link', { name: numbers[1], exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${numbers[1]}`, level: 1 })).toBeVisible();
  const why = page.getByRole('region', { name: 'Why was I charged this much?' });
  await expect(why).toContainText('this invoice includes prorations');
  await expect(why).toContainText('Credit for the unused time on the previous plan');
  await expect(why).toContainText('Charge for the rest of the period on the new plan');
  const lines = page.getByRole('table', { name: 'Invoice lines' });
  await expect(lines.getByText('Proration')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'I paid by bank transfer' })).toHaveCount(0); // paid already

  await page.getByRole('link', { name: '← All invoices' }).click();
  await expect(page).toHaveURL(urlOf('/account/invoices'));
});

test('a start date after the end date is explained, not an error page', async ({ page }) => {
  await openInvoices(page, 'billing@acme.example');
  await page.getByLabel('Issued from').fill('2026-09-30');
  await page.getByLabel('Issued until').fill('2026-07-01');
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect(page).toHaveURL(urlOf('/account/invoices?from=2026-09-30&to=2026-07-01'));
  await expect(page.getByRole('alert').filter({ hasText: 'The start date must be on or before the end date.' })).toBeVisible();
  await expect(page.getByLabel('Issued from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: 'Download ZIP' })).toHaveCount(0);
});

test('a contract customer reports a bank transfer, and the invoice shows paid once the host confirms it', async ({ page }) => {
  await openInvoices(page, 'billing@globex.example');
  const open = invoiceRows(page).filter({ hasText: 'Open' });
  await expect(open).toHaveCount(1);
  const number = (await open.getByRole('rowheader').textContent())!.trim();
  expect(number).toMatch(/^GLX-\d{4}-Q[1-4]$/);
  await open.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();
  const invoiceId = new URL(page.url()).pathname.split('/').at(-1)!;

  const report = page.getByRole('form', { name: 'Report a bank transfer' });
  await expect(report.getByLabel('Amount (EUR)')).toHaveValue('12000.00');
  await report.getByRole('button', { name: 'Report payment' }).click();
  await expect(report.getByText('Enter the transfer reference.')).toBeVisible();
  await report.getByLabel('Transfer reference').fill('GLOBEX-TRF-7781');
  await report.getByLabel('Amount (EUR)').fill('12,000.00');
  await report.getByRole('button', { name: 'Report payment' }).click();
  await expect(page.getByText('Thank you. We’ll confirm your payment of €12,000.00 once it arrives.')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Payment reported — awaiting confirmation.' });
  await expect(notice).toContainText('Reference GLOBEX-TRF-7781');
  await expect(notice).toContainText('Reported by billing@globex.example');
  await expect(report).toHaveCount(0);

  await page.getByRole('link', { name: '← All invoices' }).click();
  await expect(invoiceRows(page).filter({ hasText: number })).toContainText('Payment reported');

  // The host's staff see the money arrive and confirm it.
  const confirmed = await page.request.post(`/api/v1/organizations/org_globex/invoices/${invoiceId}/mark-paid`, { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await page.reload();
  const row = invoiceRows(page).filter({ hasText: number });
  await expect(row).toContainText('Paid');
  await expect(row).not.toContainText('Payment reported');
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Bank transfer reported: Reference GLOBEX-TRF-7781/)).toBeVisible();
});

test('an invoice of another organization is not found, as a page and as a PDF', async ({ page, browser }) => {
  const acme = await browser.newContext();
  const acmePage = await acme.newPage();
  await signIn(acmePage, 'billing@acme.example', DEMO_PASSWORD);
  await expect(acmePage).toHaveURL(urlOf('/account'));
  const listed = (await (await acmePage.request.get('/api/account/invoices')).json()) as { data: { invoices: { id: string }[] } };
  const acmeInvoice = listed.data.invoices[0]!.id;
  await acme.close();

  await openInvoices(page, 'billing@globex.example');
  const visit = await page.goto(`/account/invoices/${acmeInvoice}`);
  expect(visit?.status()).toBe(404);
  await expect(page.getByText(/could not be found/i)).toBeVisible();
  const pdf = await page.request.get(`/api/account/invoices/${acmeInvoice}/pdf`, { maxRedirects: 0 });
  expect(pdf.status()).toBe(404);
  expect(await pdf.json()).toMatchObject({ success: false, error: { code: 'not_found' } });
});
