import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTaxId, updateBillingDetails } from '@/modules/billing/service';
import { AppError } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { pdfText } from '../../../tests/support/pdf-text';
import { auditOf, eventsOf, seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { rejectionOf } from '../../../tests/support/errors';
import { hostActor, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { parseInput } from '@/platform/http/validation';
import { createContractInvoice, getInvoice, invoiceArchive, invoicePdf, invoiceRangeInput, listInvoices, markInvoicePaid, reportPayment } from './service';
import { executeAction } from '@/platform/actions/execute';

const t = useTestDatabase();

let team: SeededTeam;
let externalId: string;
const billingMember = () => userActor(team.members[0]!);
const plainMember = () => userActor(team.members[1]!);

function contractInvoice(number: string, issuedAt = '2026-07-01') {
  return {
    number,
    issuedAt,
    dueAt: '2026-07-31',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    currency: 'eur',
    lines: [
      { description: 'Enterprise plan, Q3 2026', quantity: 1, unitAmount: 1_200_000 },
      { description: 'Extra seats', quantity: 3, unitAmount: 2_500 },
    ],
  };
}

async function issue(number: string, issuedAt?: string) {
  const { invoice } = await executeAction(hostActor, createContractInvoice, { ...contractInvoice(number, issuedAt), externalId }, { db: t.db });
  return invoice;
}

async function pdfOf(organizationId: string, invoiceId: string): Promise<string> {
  const document = await invoicePdf(t.db, organizationId, invoiceId);
  if (!('pdf' in document)) throw new Error('expected our own PDF for a contract invoice');
  return pdfText(document.pdf);
}

beforeAll(async () => {
  team = await seedTeam(t.db, ['billing', 'member']);
  const [org] = await t.db
    .update(organization)
    .set({ billing: 'contract', contract: { terms: 'Annual, net 30', renewalDate: '2027-03-31', amount: 4_800_000, currency: 'eur' } })
    .where(eq(organization.id, team.organizationId))
    .returning();
  externalId = org!.externalId!;
});

describe('contract invoices', () => {
  it('are pushed by the host with their totals, and a repeated number is a conflict', async () => {
    const invoice = await issue('GLX-1');
    expect(invoice).toMatchObject({ number: 'GLX-1', status: 'open', total: 1_207_500, currency: 'eur', paymentReported: false, provider: 'contract' });
    const error = await rejectionOf(issue('GLX-1'));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(await rejectionOf(executeAction(hostActor, createContractInvoice, { ...contractInvoice('X'), externalId: 'no-such-org' }, { db: t.db }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(hostActor, createContractInvoice, { ...contractInvoice('Y'), lines: [], externalId }, { db: t.db }))).toMatchObject({ code: 'validation_failed', fields: { lines: expect.any(String) } });
  });

  it('print the billing details on file when issued: the next invoice shows the new company name and VAT', async () => {
    const before = await issue('GLX-2');
    await executeAction(billingMember(), updateBillingDetails, { companyName: 'Globex Holdings GmbH', billingEmail: 'AP@Globex.example' }, { db: t.db });
    const { taxId } = await executeAction(billingMember(), addTaxId, { type: 'eu_vat', value: 'de 136 695 976' }, { db: t.db });
    expect(taxId).toMatchObject({ type: 'eu_vat', value: 'DE136695976', verification: 'not_applicable' });
    const next = await issue('GLX-3');

    const nextText = await pdfOf(team.organizationId, next.id);
    expect(nextText).toContain('Globex Holdings GmbH');
    expect(nextText).toContain('DE136695976');
    expect(nextText).toContain('ap@globex.example');
    expect(nextText).toContain('GLX-3');
    // An invoice already issued keeps the details it was made out to.
    const beforeText = await pdfOf(team.organizationId, before.id);
    expect(beforeText).not.toContain('Globex Holdings GmbH');
    expect(beforeText).not.toContain('DE136695976');
  });

  it('refuse a malformed tax ID with the expected format, and a billing email that is not an address', async () => {
    const bad = await rejectionOf(executeAction(billingMember(), addTaxId, { type: 'eu_vat', value: 'DE12' }, { db: t.db }));
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).fields?.value).toMatch(/e\.g\. DE/);
    const email = await rejectionOf(executeAction(billingMember(), updateBillingDetails, { billingEmail: 'not-an-address' }, { db: t.db }));
    expect(email).toMatchObject({ code: 'validation_failed', fields: { billingEmail: expect.stringContaining('email address') } });
  });

  it('take a reported bank transfer, then the host marks it paid: audited, with events', async () => {
    const invoice = await issue('GLX-4');
    const payment = { invoiceId: invoice.id, reference: 'BANK-REF-77', paidAt: '2026-07-10', amount: 1_207_500 };
    expect(await rejectionOf(executeAction(plainMember(), reportPayment, payment, { db: t.db }))).toMatchObject({ code: 'forbidden' });

    const reported = await executeAction(billingMember(), reportPayment, payment, { db: t.db });
    expect(reported.invoice).toMatchObject({ status: 'open', paymentReported: true, paymentReport: { reference: 'BANK-REF-77', amount: 1_207_500 } });
    const listed = (await listInvoices(t.db, team.organizationId, {})).find((i) => i.id === invoice.id);
    expect(listed?.paymentReported).toBe(true);

    const paid = await executeAction(hostActor, markInvoicePaid, { externalId, invoiceId: invoice.id }, { db: t.db });
    expect(paid.invoice).toMatchObject({ status: 'paid', paymentReported: false, amountDue: 0 });
    // Confirming again changes nothing and emits nothing more.
    await executeAction(hostActor, markInvoicePaid, { externalId, invoiceId: invoice.id }, { db: t.db });
    const events = (await eventsOf(t.db, team.organizationId)).filter((e) => (e.payload as { invoiceId?: string }).invoiceId === invoice.id);
    expect(events.map((e) => e.type)).toEqual(['invoice.issued', 'invoice.payment_reported', 'invoice.paid']);
    const audit = await auditOf(t.db, team.organizationId, ['invoices.report_payment', 'host.mark_invoice_paid']);
    expect(audit.filter((a) => a.entityId === invoice.id).map((a) => [a.action, a.actorType])).toEqual([
      ['invoices.report_payment', 'user'],
      ['host.mark_invoice_paid', 'host'],
      ['host.mark_invoice_paid', 'host'],
    ]);
    expect(await rejectionOf(executeAction(billingMember(), reportPayment, payment, { db: t.db }))).toMatchObject({ code: 'conflict' });
  });

  it('refuse a payment report dated in the future or for nothing', async () => {
    const invoice = await issue('GLX-5');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const error = await rejectionOf(executeAction(billingMember(), reportPayment, { invoiceId: invoice.id, reference: 'R', paidAt: future, amount: 0 }, { db: t.db }));
    expect(error).toMatchObject({ code: 'validation_failed', fields: { paidAt: expect.any(String), amount: expect.any(String) } });
    expect((await getInvoice(t.db, team.organizationId, invoice.id)).paymentReport).toBeNull();
  });

  it('of another organization are not found, for reading, the PDF and reporting a payment', async () => {
    const mine = await issue('GLX-6');
    const other = await seedTeam(t.db, ['billing']);
    const stranger = userActor(other.members[0]!);
    expect(await rejectionOf(getInvoice(t.db, other.organizationId, mine.id))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(invoicePdf(t.db, other.organizationId, mine.id))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(stranger, reportPayment, { invoiceId: mine.id, reference: 'R', paidAt: '2026-07-02', amount: 1 }, { db: t.db }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(hostActor, markInvoicePaid, { externalId: (await orgExternalId(other.organizationId))!, invoiceId: mine.id }, { db: t.db }))).toMatchObject({ code: 'not_found' });
  });
});

async function orgExternalId(organizationId: string) {
  const [row] = await t.db.select({ externalId: organization.externalId }).from(organization).where(eq(organization.id, organizationId));
  return row?.externalId;
}

describe('invoice ranges and the ZIP', () => {
  it('filter by issue date, both ends inclusive, and zip exactly the invoices in range', async () => {
    await issue('Q2-A', '2026-04-01');
    await issue('Q2-B', '2026-06-30');
    await issue('Q1-A', '2026-03-31');
    const q2 = await listInvoices(t.db, team.organizationId, { from: '2026-04-01', to: '2026-06-30' });
    expect(q2.map((i) => i.number)).toEqual(['Q2-B', 'Q2-A']);
    const zip = unzipSync(new Uint8Array(await invoiceArchive(t.db, team.organizationId, { from: '2026-04-01', to: '2026-06-30' })));
    expect(Object.keys(zip).sort()).toEqual(['Q2-A.pdf', 'Q2-B.pdf']);
    expect(await pdfText(zip['Q2-A.pdf']!)).toContain('Q2-A');
  });

  it('refuse a range whose start is after its end, or that is not made of dates', () => {
    expect(() => parseInput(invoiceRangeInput, { from: '2026-05-01', to: '2026-04-01' })).toThrow(expect.objectContaining({ code: 'validation_failed', fields: { from: 'The start date must be on or before the end date.' } }));
    expect(() => parseInput(invoiceRangeInput, { from: 'last week' })).toThrow(expect.objectContaining({ code: 'validation_failed', fields: { from: expect.stringContaining('YYYY-MM-DD') } }));
  });

  it('refuse more than 500 invoices in one ZIP, asking for a smaller range', async () => {
    const big = await seedTeam(t.db, []);
    const bigExternalId = (await orgExternalId(big.organizationId))!;
    for (let i = 0; i < 501; i++) {
      await executeAction(hostActor, createContractInvoice, { ...contractInvoice(`BULK-${i}`, '2025-01-15'), externalId: bigExternalId }, { db: t.db });
    }
    const error = await rejectionOf(invoiceArchive(t.db, big.organizationId, { from: '2025-01-01', to: '2025-03-31' }));
    expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('smaller range') });
  }, 120_000);
});
