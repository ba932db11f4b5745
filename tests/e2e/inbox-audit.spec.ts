import { expect, test, type Page } from '@playwright/test';
import { uniqueId } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';

// Journey: a lead uploads a help desk export, watches the import's progress (through a reload), reads
// the top 15, corrects a ticket's category, imports the export again, and the correction holds.

const TICKETS = 30_000;
const subjects = [
  ['Card expired', 'Our card expired, how do I update the card we pay with?'],
  ['Add a colleague', 'How do I invite a colleague to our team?'],
  ['Invoice copy', 'Can I download a copy of last quarter’s invoices as PDF?'],
  ['VAT number', 'Please add our VAT number to the billing details.'],
  ['Refund', 'We were charged twice this month and would like a refund.'],
] as const;

function exportOf(prefix: string): Buffer {
  const lines = ['id,subject,body,created_at,closed_at,tags'];
  for (let i = 1; i <= TICKETS; i++) {
    const [subject, body] = subjects[i % subjects.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${prefix}-${i},${subject} ${i},"${body} Reference ${i}.",2026-09-${day}T09:00:00Z,2026-09-${day}T13:30:00Z,e2e`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function upload(page: Page, label: string, file: Buffer) {
  await page.goto('/admin/inbox-audits');
  const form = page.getByRole('form', { name: 'Upload a help desk export' });
  await form.getByLabel('Name of this run').fill(label);
  await form.getByLabel('Help desk').selectOption('generic');
  await form.getByLabel('CSV export (up to 100 MB)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: file });
  await form.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

const ready = (page: Page) => expect(page.getByRole('heading', { name: /^Top \d+ reasons$/ })).toBeVisible({ timeout: 90_000 });

test('a lead audits the inbox from an export, corrects a ticket, and the correction holds on the next run', async ({ page }) => {
  test.setTimeout(240_000);
  const id = uniqueId();
  const prefix = `E2E${id}`;
  const file = exportOf(prefix);

  await signInAsStaff(page, 'lead');
  await page.getByRole('navigation').getByRole('link', { name: 'Inbox audits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox audits' })).toBeVisible();

  await upload(page, `Q3 ${id}`, file);
  // The import runs in the background; its progress is kept on the run, so a reload still shows it.
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveCount(0);

  const top = page.getByRole('list', { name: 'Top reasons for contacting support' });
  await expect(top.getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByRole('link', { name: 'top.csv' })).toHaveAttribute('href', /\/top\.csv$/);

  const ticket = `${prefix}-1`;
  const correction = page.getByRole('form', { name: `Category of ticket ${ticket}`, exact: true });
  await correction.getByRole('combobox').selectOption('refund');
  await correction.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Ticket ${ticket} is now “Refund”`)).toBeVisible();

  await upload(page, `Q4 ${id}`, file);
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Against the previous run' })).toBeVisible();
  const again = page.getByRole('form', { name: `Category of ticket ${ticket}`, exact: true });
  await expect(again.getByRole('combobox')).toHaveValue('refund');
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ticket, exact: true }) }).getByText('Corrected')).toBeVisible();

  // The list shows both runs side by side.
  await page.getByRole('link', { name: 'All inbox audits' }).click();
  await expect(page.getByRole('link', { name: `Q3 ${id}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Q4 ${id}` })).toBeVisible();
});
