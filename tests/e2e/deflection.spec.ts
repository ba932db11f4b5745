import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sidewaysScrollers } from '../support/account-shell';
import { E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, newHostCustomer } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';

// The deflection dashboard: a support person opens it from the console, reads a category's figures,
// changes the date range, and downloads the same figures as CSV.

type Figures = { category: string; ticketsBefore: number };

async function refundFigures(page: Page, query = ''): Promise<Figures> {
  const response = await page.request.get(`/api/admin/deflection${query}`);
  expect(response.status(), await response.text()).toBe(200);
  const { data } = (await response.json()) as { data: { categories: Figures[] } };
  return data.categories.find((c) => c.category === 'refund')!;
}

/** The host product files refund tickets for a new customer: POST /api/v1/tickets. */
async function fileRefundTickets(request: APIRequestContext, count: number): Promise<void> {
  const customer = newHostCustomer('deflection');
  await createHandoff(request, customer);
  for (let i = 1; i <= count; i++) {
    const response = await request.post('/api/v1/tickets', {
      headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
      data: { organizationExternalId: customer.organization.externalId, requester: { email: customer.user.email }, subject: `Refund ${i}`, body: 'Please refund the last invoice', category: 'refund' },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a staff member reads the deflection figures, changes the range and downloads the CSV', async ({ page, request }) => {
  await signInAsStaff(page, 'agent');
  const before = await refundFigures(page);
  await fileRefundTickets(request, 2);

  await page.getByRole('link', { name: 'Deflection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deflection' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Deflection per category' });
  const refund = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Refund' }) });
  // Refund has no screen, so no launch: every ticket of the last 90 days counts before it.
  await expect(refund).toContainText(`${before.ticketsBefore + 2} tickets`);
  await expect(refund).toContainText('Not enough data yet');
  await expect(page.getByRole('img', { name: /^Tickets per week: Refund\./ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How each figure is computed' })).toBeVisible();
  await expect(page.locator('#figure-beforeAfterRate')).toContainText('(before − after) ÷ before');

  // A range of long ago holds nothing.
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('To (not included)').fill('2020-02-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-02-01/);
  await expect(page.getByText('Nothing counted in this range')).toBeVisible();

  // A reversed range is refused on the form.
  await page.getByLabel('From').fill('2020-03-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('The end date must be after the start date.')).toBeVisible();

  // The last two weeks: the tickets just filed are in them.
  const [from, to] = [day(-13), day(1)];
  await page.getByLabel('From').fill(from);
  await page.getByLabel('To (not included)').fill(to);
  await page.getByRole('button', { name: 'Show' }).click();
  const recent = await refundFigures(page, `?from=${from}&to=${to}`);
  expect(recent.ticketsBefore).toBeGreaterThanOrEqual(2);
  await expect(refund).toContainText(`${recent.ticketsBefore} tickets`);

  // The CSV holds the same figures, one row per category and the total.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`deflection-${from}-${to}.csv`);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 6)).toEqual(['category', 'label', 'screen', 'launched_at', 'tickets_before', 'tickets_after']);
  const refundRow = lines.find((l) => l.startsWith('refund,'))!.split(',');
  expect(Number(refundRow[header.indexOf('tickets_before')])).toBe(recent.ticketsBefore);
  expect(lines.at(-1)).toMatch(/^total,/);

  // On a phone only the table scrolls sideways, inside its frame.
  await page.setViewportSize({ width: 360, height: 740 });
  expect((await sidewaysScrollers(page)).filter((s) => !s.includes('table-wrap'))).toEqual([]);
});
