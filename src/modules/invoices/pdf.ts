import PDFDocument from 'pdfkit';
import { formatDate, formatDateRange } from '@/ui/date';
import { formatMoney } from '@/ui/money';
import { amountDueOf } from './amount-due';

export type InvoiceParty = { name: string; email?: string | null; addressLines: string[]; taxIds: { label: string; value: string }[] };
export type InvoicePdfLine = { description: string; quantity: number; unitAmount: number; amount: number; periodStart?: string | null; periodEnd?: string | null };
export type InvoicePdfInput = {
  number: string;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  issuedAt: string;
  dueAt: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** Lowercase ISO code; every amount is in its minor unit. */
  currency: string;
  seller: InvoiceParty;
  billTo: InvoiceParty;
  lines: InvoicePdfLine[];
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  amountPaid: bigint;
  /** Printed at the bottom, e.g. contract terms. */
  note?: string | null;
  /** Printed prominently under the header: which revision this copy is, and what it replaces. */
  notices?: string[];
};

type Doc = PDFKit.PDFDocument;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#111827';
const MUTED = '#6b7280';
const RULE = '#d1d5db';
const BODY_SIZE = 9.5;
const SMALL_SIZE = 8;
const ROW_PADDING = 6;
// Caps one line item's description so a single row always fits on a page.
const MAX_DESCRIPTION_HEIGHT = 400;
const MARGINS = { top: 50, left: 50, right: 50, bottom: 70 };

const MARKERS: Partial<Record<InvoicePdfInput['status'], { label: string; color: string }>> = {
  paid: { label: 'PAID', color: '#15803d' },
  void: { label: 'VOID', color: '#b91c1c' },
  draft: { label: 'DRAFT', color: '#b45309' },
};

/**
 * One invoice as an A4 PDF. The same input renders the same bytes: pdfkit derives the file ID
 * from the document info, whose only moving part, CreationDate, is pinned to the issue date.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    displayTitle: true,
    info: { Title: `Invoice ${input.number}`, Author: input.seller.name, CreationDate: new Date(input.issuedAt) },
  });
  const rendered = collect(doc);
  const invoice = printableInvoice(input);

  let y = drawHeader(doc, invoice);
  y = drawNotices(doc, invoice.notices ?? [], y);
  y = drawBillTo(doc, invoice.billTo, y + 28);
  y = drawLines(doc, invoice, y + 28);
  y = drawTotals(doc, invoice, y + 16);
  if (invoice.note) drawNote(doc, invoice.note, y + 28);
  drawFooters(doc, invoice.number);

  doc.end();
  return rendered;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawHeader(doc: Doc, invoice: InvoicePdfInput): number {
  const { left, right, top } = bounds(doc);
  const metaWidth = 210;
  const metaX = right - metaWidth;
  const labelWidth = 85;

  doc.font(BOLD).fontSize(22).fillColor(INK);
  rightText(doc, 'Invoice', right, top);
  let metaY = top + 32;
  const marker = MARKERS[invoice.status];
  if (marker) metaY = drawMarker(doc, marker, right, metaY) + 10;
  for (const [label, value] of metaRows(invoice)) {
    doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(label, metaX, metaY, { lineBreak: false });
    doc.fillColor(INK).text(value, metaX + labelWidth, metaY, { width: metaWidth - labelWidth, align: 'right' });
    metaY = doc.y + 3;
  }

  const sellerBottom = drawParty(doc, invoice.seller, left, top, metaX - left - 24, 13);
  return Math.max(sellerBottom, metaY);
}

function metaRows(invoice: InvoicePdfInput): [string, string][] {
  const rows: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Issue date', formatDate(invoice.issuedAt)],
  ];
  if (invoice.dueAt) rows.push(['Due date', formatDate(invoice.dueAt)]);
  const period = formatPeriod(invoice.periodStart, invoice.periodEnd);
  if (period) rows.push(['Service period', period]);
  return rows;
}

function drawMarker(doc: Doc, marker: { label: string; color: string }, right: number, y: number): number {
  doc.font(BOLD).fontSize(11);
  const width = doc.widthOfString(marker.label) + 16;
  const height = 20;
  doc.roundedRect(right - width, y, width, height, 3).lineWidth(1.5).strokeColor(marker.color).stroke();
  doc.fillColor(marker.color).text(marker.label, right - width + 8, y + 5, { lineBreak: false });
  return y + height;
}

const NOTICE_COLOR = '#b45309';

function drawNotices(doc: Doc, notices: string[], y: number): number {
  const { left, right } = bounds(doc);
  for (const notice of notices) {
    doc.font(BOLD).fontSize(10).fillColor(NOTICE_COLOR).text(notice, left, y + 14, { width: right - left });
    y = doc.y;
  }
  return y;
}

function drawBillTo(doc: Doc, billTo: InvoiceParty, y: number): number {
  const { left } = bounds(doc);
  doc.font(BOLD).fontSize(SMALL_SIZE).fillColor(MUTED).text('BILL TO', left, y, { lineBreak: false });
  return drawParty(doc, billTo, left, y + 14, 280, 11);
}

/** Name, address, email and tax IDs, one under the other; returns the y below them. */
function drawParty(doc: Doc, party: InvoiceParty, x: number, y: number, width: number, nameSize: number): number {
  doc.font(BOLD).fontSize(nameSize).fillColor(INK).text(party.name, x, y, { width });
  doc.font(REGULAR).fontSize(9).fillColor(MUTED);
  const details = [...party.addressLines, ...(party.email ? [party.email] : []), ...party.taxIds.map((id) => `${id.label}: ${id.value}`)];
  for (const detail of details) doc.text(detail, x, doc.y + 1, { width });
  return doc.y;
}

type Columns = { description: { x: number; width: number }; quantityRight: number; unitPriceRight: number; amountRight: number };

function columns(doc: Doc): Columns {
  const { left, right } = bounds(doc);
  const amountRight = right;
  const unitPriceRight = amountRight - 100;
  const quantityRight = unitPriceRight - 100;
  return { description: { x: left, width: quantityRight - 50 - left }, quantityRight, unitPriceRight, amountRight };
}

function drawTableHeader(doc: Doc, cols: Columns, y: number): number {
  const { left, right } = bounds(doc);
  doc.font(BOLD).fontSize(SMALL_SIZE).fillColor(MUTED);
  doc.text('DESCRIPTION', left, y, { lineBreak: false });
  rightText(doc, 'QTY', cols.quantityRight, y);
  rightText(doc, 'UNIT PRICE', cols.unitPriceRight, y);
  rightText(doc, 'AMOUNT', cols.amountRight, y);
  const ruleY = y + 14;
  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(0.75).strokeColor(INK).stroke();
  return ruleY;
}

/** The line-item table; a row that does not fit goes to a new page under a repeated header. */
function drawLines(doc: Doc, invoice: InvoicePdfInput, y: number): number {
  const { left, right, top, bottom } = bounds(doc);
  const cols = columns(doc);
  const money = moneyIn(invoice.currency);
  const description = { width: cols.description.width, height: MAX_DESCRIPTION_HEIGHT, ellipsis: true };

  y = drawTableHeader(doc, cols, y);
  for (const line of invoice.lines) {
    const period = formatPeriod(line.periodStart ?? null, line.periodEnd ?? null);
    doc.font(REGULAR).fontSize(BODY_SIZE);
    const descriptionHeight = Math.min(doc.heightOfString(line.description, description), MAX_DESCRIPTION_HEIGHT);
    const periodHeight = period ? doc.fontSize(SMALL_SIZE).heightOfString(period, { width: description.width }) + 2 : 0;
    const rowHeight = descriptionHeight + periodHeight + 2 * ROW_PADDING;
    if (y + rowHeight > bottom) {
      doc.addPage();
      y = drawTableHeader(doc, cols, top);
    }

    const textY = y + ROW_PADDING;
    doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK).text(line.description, left, textY, description);
    if (period) doc.fontSize(SMALL_SIZE).fillColor(MUTED).text(period, left, textY + descriptionHeight + 2, { width: description.width });
    doc.fontSize(BODY_SIZE).fillColor(INK);
    rightText(doc, quantity.format(line.quantity), cols.quantityRight, textY);
    rightText(doc, money(line.unitAmount), cols.unitPriceRight, textY);
    rightText(doc, money(line.amount), cols.amountRight, textY);

    y += rowHeight;
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  return y;
}

function drawTotals(doc: Doc, invoice: InvoicePdfInput, y: number): number {
  const { right, top, bottom } = bounds(doc);
  const money = moneyIn(invoice.currency);
  const x = right - 230;
  const rowHeight = 18;
  const amountDue = amountDueOf(invoice);
  const rows: { label: string; amount: bigint; strong?: boolean; ruleAbove?: boolean }[] = [
    { label: 'Subtotal', amount: invoice.subtotal },
    { label: 'Tax', amount: invoice.tax },
    { label: 'Total', amount: invoice.total, strong: true, ruleAbove: true },
    { label: 'Amount paid', amount: invoice.amountPaid },
    { label: 'Amount due', amount: amountDue, strong: true, ruleAbove: true },
  ];

  if (y + rows.length * rowHeight + 12 > bottom) {
    doc.addPage();
    y = top;
  }
  for (const row of rows) {
    if (row.ruleAbove) {
      doc.moveTo(x, y + 2).lineTo(right, y + 2).lineWidth(0.5).strokeColor(RULE).stroke();
      y += 6;
    }
    doc.font(row.strong ? BOLD : REGULAR).fontSize(row.strong ? 10.5 : BODY_SIZE);
    doc.fillColor(row.strong ? INK : MUTED).text(row.label, x, y, { lineBreak: false });
    doc.fillColor(INK);
    rightText(doc, money(row.amount), right, y);
    y += rowHeight;
  }
  return y;
}

function drawNote(doc: Doc, note: string, y: number): void {
  const { left, right, top, bottom } = bounds(doc);
  const options = { width: right - left };
  doc.font(REGULAR).fontSize(9);
  const height = doc.heightOfString(note, options);
  // A note longer than a page flows on by itself; a shorter one is kept whole.
  if (y + height > bottom && height <= bottom - top) {
    doc.addPage();
    y = top;
  }
  doc.fillColor(MUTED).text(note, left, y, options);
}

function drawFooters(doc: Doc, number: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    const { right, bottom } = bounds(doc);
    doc.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED);
    rightText(doc, `Invoice ${number} · Page ${index + 1} of ${count}`, right, bottom + 30);
  }
}

function bounds(doc: Doc) {
  const { width, height, margins } = doc.page;
  return { left: margins.left, right: width - margins.right, top: margins.top, bottom: height - margins.bottom };
}

/** One line of text ending at `right`; without a wrapping width pdfkit never breaks the page. */
function rightText(doc: Doc, text: string, right: number, y: number): void {
  doc.text(text, right - doc.widthOfString(text), y, { lineBreak: false });
}

function moneyIn(currency: string): (amount: bigint | number) => string {
  return (amount) => {
    const text = formatMoney(amount, currency);
    return isWinAnsi(text) ? text : formatMoney(amount, currency, 'code');
  };
}

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function formatPeriod(start: string | null, end: string | null): string | null {
  if (start && end) return formatDateRange(start, end);
  if (start) return `From ${formatDate(start)}`;
  if (end) return `Until ${formatDate(end)}`;
  return null;
}

function printableInvoice(input: InvoicePdfInput): InvoicePdfInput {
  return {
    ...input,
    number: printable(input.number),
    seller: printableParty(input.seller),
    billTo: printableParty(input.billTo),
    lines: input.lines.map((line) => ({ ...line, description: printable(line.description) })),
    note: input.note ? printable(input.note) : null,
    notices: (input.notices ?? []).map(printable),
  };
}

function printableParty(party: InvoiceParty): InvoiceParty {
  return {
    name: printable(party.name),
    email: party.email ? printable(party.email) : null,
    addressLines: party.addressLines.map(printable),
    taxIds: party.taxIds.map((id) => ({ label: printable(id.label), value: printable(id.value) })),
  };
}

// The code points beyond Latin-1 that WinAnsi (Windows-1252) has, e.g. € – — “ ” ‘ ’ • … ™ Œ Š Ž.
const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e,
  0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

function isWinAnsi(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const ok = code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(code);
    if (!ok) return false;
  }
  return true;
}

// Letters with a stroke are not composed with a mark, so stripping marks leaves them as they are.
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i' };

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * pdfkit's built-in fonts draw WinAnsi only and print anything else as garbage. So each other
 * character loses its accents if that makes it WinAnsi ("Ő" → "O"), else becomes one "?" ("株", "👍🏽").
 */
function printable(text: string): string {
  let result = '';
  for (const { segment } of graphemes.segment(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC'))) {
    if (isWinAnsi(segment)) {
      result += segment;
      continue;
    }
    const unaccented = segment
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\p{L}/gu, (letter) => STROKED[letter] ?? letter);
    result += unaccented && isWinAnsi(unaccented) ? unaccented : '?';
  }
  return result;
}
