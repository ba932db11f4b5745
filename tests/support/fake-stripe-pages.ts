// The two pages Stripe serves to people rather than to the SDK: the billing portal a session links
// to, and an invoice's PDF. Public, as at Stripe: no API key.
import PDFDocument from 'pdfkit';
import type { FakeRoute, Reply } from './fake-stripe-http';
import type { FakeInvoice, FakePortalSession } from './fake-stripe-objects';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const html = (status: number, title: string, body: string): Reply => ({
  status,
  contentType: 'text/html; charset=utf-8',
  content: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
});

function portalPage(session: FakePortalSession): Reply {
  const returnLink = session.return_url
    ? `<a href="${escapeHtml(session.return_url)}">Return to ${escapeHtml(new URL(session.return_url).host)}</a>`
    : '<p>No return URL.</p>';
  return html(200, 'Fake Stripe billing portal', `<h1>Fake Stripe billing portal</h1><p>Customer: ${escapeHtml(session.customer)}</p><p>Flow: ${session.flow?.type ?? 'none'}</p>${returnLink}`);
}

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

export const pageRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/portal\/(?<id>[^/]+)$/,
    handle({ params }, { world }) {
      const session = world.state.portalSessions.get(params.id!);
      return session ? portalPage(session) : html(404, 'Not found', '<p>No such billing portal session.</p>');
    },
  },
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
