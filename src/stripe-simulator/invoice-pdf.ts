// An invoice's PDF, a page Stripe serves to people rather than to the SDK. Public, as at Stripe: no
// API key. The billing portal's pages are in portal-pages.ts.
import PDFDocument from 'pdfkit';
import { html } from './html';
import type { FakeRoute } from './http';
import type { FakeInvoice } from './objects';

function invoicePdf(invoice: FakeInvoice): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: `Invoice ${invoice.number}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text(`Invoice ${invoice.number}`);
  doc.fontSize(11).text(`Billed to: ${invoice.customer_name ?? ''}`);
  doc.text(`Total: ${(invoice.total / 100).toFixed(2)} ${invoice.currency.toUpperCase()}`);
  doc.end();
  return done;
}

export const invoicePdfRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/invoice_pdf\/(?<id>[^/]+)$/,
    async handle({ params }, { world }) {
      const invoice = world.state.invoices.get(params.id!);
      // A draft has no PDF yet at Stripe either.
      if (!invoice?.invoice_pdf) return html(404, 'Not found', '<p>No such invoice.</p>');
      return { status: 200, contentType: 'application/pdf', content: await invoicePdf(invoice) };
    },
  },
];
