import { extractTextItems, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/ui/money';
import { pdfText } from '../../../tests/support/pdf-text';
import { type InvoicePdfInput, type InvoicePdfLine, renderInvoicePdf } from './pdf';

const invoice: InvoicePdfInput = {
  number: 'INV-2026-0042',
  status: 'open',
  issuedAt: '2026-10-01T09:30:00.000Z',
  dueAt: '2026-10-31T00:00:00.000Z',
  periodStart: '2026-10-01T00:00:00.000Z',
  periodEnd: '2027-09-30T00:00:00.000Z',
  currency: 'eur',
  seller: {
    name: 'Deflect Demo SaaS Ltd',
    email: 'billing@deflect.example',
    addressLines: ['1 Example Street', 'London EC1A 1AA', 'United Kingdom'],
    taxIds: [{ label: 'UK VAT number', value: 'GB980780684' }],
  },
  billTo: {
    name: 'Globex Corporation',
    email: 'ap@globex.example',
    addressLines: ['Hauptstraße 5', '10115 Berlin', 'Germany'],
    taxIds: [
      { label: 'EU VAT number', value: 'DE123456789' },
      { label: 'Company number', value: 'HRB 12345' },
    ],
  },
  lines: [
    { description: 'Enterprise plan', quantity: 1, unitAmount: 480000, amount: 480000, periodStart: '2026-10-01T00:00:00.000Z', periodEnd: '2027-09-30T00:00:00.000Z' },
    { description: 'Additional seats', quantity: 10, unitAmount: 1000, amount: 10000 },
  ],
  subtotal: 490000n,
  tax: 93100n,
  total: 583100n,
  amountPaid: 0n,
  note: 'Annual contract, invoiced yearly, net 30',
};

function manyLines(count: number): InvoicePdfLine[] {
  return Array.from({ length: count }, (_, index) => ({ description: `Usage item ${index + 1}`, quantity: 1, unitAmount: 100, amount: 100 }));
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await getDocumentProxy(new Uint8Array(pdf))).numPages;
}

/** A4 is 595 × 842 pt and the bottom margin 70 pt; below it there is only the page footer. */
async function expectTextWithinMargins(pdf: Buffer): Promise<void> {
  const { items } = await extractTextItems(new Uint8Array(pdf));
  for (const item of items.flat().filter((item) => item.str.trim())) {
    expect(item.x).toBeGreaterThanOrEqual(0);
    expect(item.x + item.width).toBeLessThanOrEqual(595.28);
    expect(item.y).toBeLessThanOrEqual(841.89);
    if (item.y < 70) expect(item.str).toMatch(/^Invoice INV-2026-0042 · Page \d+ of \d+$/);
  }
}

describe('renderInvoicePdf', () => {
  it('prints the invoice, both parties and every line', async () => {
    const text = await pdfText(await renderInvoicePdf(invoice));

    for (const expected of [
      'INV-2026-0042',
      'Issue date',
      '1 Oct 2026',
      'Due date',
      '31 Oct 2026',
      '1 Oct 2026 – 30 Sep 2027',
      'Deflect Demo SaaS Ltd',
      'UK VAT number: GB980780684',
      'Globex Corporation',
      'ap@globex.example',
      'Hauptstraße 5',
      'EU VAT number: DE123456789',
      'Company number: HRB 12345',
      'Enterprise plan',
      'Additional seats',
      formatMoney(480000, 'eur'),
      'Annual contract, invoiced yearly, net 30',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Total\s*€5,831\.00/);
    expect(text).toMatch(/Amount due\s*€5,831\.00/);
    expect(text).not.toContain('PAID');
  });

  it('marks a paid invoice and owes nothing on it', async () => {
    const text = await pdfText(await renderInvoicePdf({ ...invoice, status: 'paid', amountPaid: 583100n }));

    expect(text).toContain('PAID');
    expect(text).toMatch(/Amount paid\s*€5,831\.00/);
    expect(text).toMatch(/Amount due\s*€0\.00/);
  });

  it('marks a void invoice', async () => {
    expect(await pdfText(await renderInvoicePdf({ ...invoice, status: 'void' }))).toContain('VOID');
  });

  it('formats amounts in the invoice currency', async () => {
    const text = await pdfText(await renderInvoicePdf({ ...invoice, currency: 'jpy', lines: [], subtotal: 1000n, tax: 0n, total: 1000n }));
    expect(text).toMatch(/Total\s*¥1,000/);
  });

  it('shows a currency code where the symbol is not in the built-in font', async () => {
    const text = await pdfText(await renderInvoicePdf({ ...invoice, currency: 'inr' }));
    expect(text).toMatch(/Total\s*INR\s5,831\.00/);
  });

  it('carries the title and author as metadata', async () => {
    const document = await getDocumentProxy(new Uint8Array(await renderInvoicePdf(invoice)));
    const { info } = await document.getMetadata();
    expect(info).toMatchObject({ Title: 'Invoice INV-2026-0042', Author: 'Deflect Demo SaaS Ltd' });
  });

  it('breaks a long table over pages, repeating its header and keeping all text on the page', async () => {
    const pdf = await renderInvoicePdf({ ...invoice, lines: manyLines(60) });

    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = await pdfText(pdf);
    for (let index = 1; index <= 60; index++) expect(text).toMatch(new RegExp(`Usage item ${index}\\b`));
    expect(text.match(/DESCRIPTION/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);

    await expectTextWithinMargins(pdf);
  });

  it('cuts a description too long for one page short', async () => {
    const pdf = await renderInvoicePdf({ ...invoice, lines: [{ description: 'very long description '.repeat(2000), quantity: 1, unitAmount: 100, amount: 100 }] });

    expect(await pdfText(pdf)).toContain('…');
    await expectTextWithinMargins(pdf);
  });

  it('prints characters the built-in font lacks as "?" instead of failing', async () => {
    const pdf = await renderInvoicePdf({
      ...invoice,
      billTo: { ...invoice.billTo, name: '株式会社 Ünïcödé 🚀👍🏽 Ltd' },
      lines: [{ description: 'Łódź office – Ő\tsupport\r\nsecond line', quantity: 1, unitAmount: 100, amount: 100 }],
    });

    const text = await pdfText(pdf);
    expect(text).toContain('???? Ünïcödé ?? Ltd');
    expect(text).toContain('Lódz office – O support');
    expect(text).toContain('second line');
  });

  it('renders the same input to the same bytes', async () => {
    const first = await renderInvoicePdf(invoice);
    const second = await renderInvoicePdf(structuredClone(invoice));
    expect(first.equals(second)).toBe(true);
  });

  it('refuses an issue date that is not a date', async () => {
    await expect(renderInvoicePdf({ ...invoice, issuedAt: 'yesterday' })).rejects.toThrow(RangeError);
  });
});
