import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceCorrectionRules } from '@config/invoice-corrections';
import { addTaxId, updateBillingDetails } from '@/modules/billing/service';
import { tickets } from '@/modules/support/schema';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { organization } from '@/platform/tenancy/schema';
import { rejectionOf } from '../../../tests/support/errors';
import { pdfText } from '../../../tests/support/pdf-text';
import { auditOf, eventsOf, seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { hostActor, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { changedFields, judgeCorrection } from './correction-rules';
import { applyStripeInvoice, correctionScreenQuery, createContractInvoice, invoiceArchive, invoicePdf, invoiceRevisionsQuery, requestInvoiceCorrection } from './service';

const t = useTestDatabase();

let team: SeededTeam;
let externalId: string;
const billingMember = () => userActor(team.members[0]!);
const plainMember = () => userActor(team.members[1]!);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function issue(number: string, issuedAt = daysAgo(30)) {
  const input = { number, issuedAt, dueAt: issuedAt, periodStart: issuedAt, periodEnd: issuedAt, currency: 'eur', lines: [{ description: 'Enterprise plan', quantity: 1, unitAmount: 1_200_000 }] };
  return (await executeAction(hostActor, createContractInvoice, { ...input, externalId }, { db: t.db })).invoice;
}

const correct = (invoiceId: string, actor = billingMember()) => executeAction(actor, requestInvoiceCorrection, { invoiceId }, { db: t.db });

async function pdfOf(invoiceId: string, revision?: number): Promise<{ fileName: string; text: string }> {
  const document = await invoicePdf(t.db, team.organizationId, invoiceId, revision);
  if (!('pdf' in document)) throw new Error('expected our own PDF for a contract invoice');
  return { fileName: document.fileName, text: await pdfText(document.pdf) };
}

async function renameCompany(companyName: string, vat?: string) {
  await executeAction(billingMember(), updateBillingDetails, { companyName }, { db: t.db });
  if (vat) await executeAction(billingMember(), addTaxId, { type: 'eu_vat', value: vat }, { db: t.db });
}

beforeAll(async () => {
  team = await seedTeam(t.db, ['billing', 'member']);
  const [org] = await t.db.update(organization).set({ billing: 'contract' }).where(eq(organization.id, team.organizationId)).returning();
  externalId = org!.externalId!;
  await executeAction(billingMember(), updateBillingDetails, { companyName: 'Globex Corporation' }, { db: t.db });
  await executeAction(billingMember(), addTaxId, { type: 'gb_vat', value: 'GB980780684' }, { db: t.db });
});

describe('correcting a contract invoice', () => {
  it('issues a second revision with the new name and VAT; the original stays downloadable, marked superseded', async () => {
    const invoice = await issue('COR-1');
    await renameCompany('Globex Holdings GmbH', 'DE136695976');

    const { correction } = await correct(invoice.id);
    expect(correction).toMatchObject({ invoiceId: invoice.id, status: 'issued', revision: 2 });
    expect(correction).not.toHaveProperty('ticketId');

    const { revisions } = await executeQuery(billingMember(), invoiceRevisionsQuery, { invoiceId: invoice.id }, { db: t.db });
    expect(revisions.map((r) => [r.revision, r.superseded, r.billTo.companyName])).toEqual([
      [1, true, 'Globex Corporation'],
      [2, false, 'Globex Holdings GmbH'],
    ]);

    const original = await pdfOf(invoice.id, 1);
    expect(original.fileName).toBe('COR-1.pdf');
    expect(original.text).toContain('Globex Corporation');
    expect(original.text).toContain('GB980780684');
    expect(original.text).not.toContain('DE136695976');
    expect(original.text).toContain('Superseded');

    const corrected = await pdfOf(invoice.id, 2);
    expect(corrected.fileName).toBe('COR-1-R2.pdf');
    expect(corrected.text).toContain('Globex Holdings GmbH');
    expect(corrected.text).toContain('DE136695976');
    expect(corrected.text).toContain('COR-1-R2');
    expect(corrected.text).toMatch(/Corrected copy \(revision 2\) — replaces the version of \d{1,2} \w{3} \d{4}/);
    // The amounts are those of the original.
    expect(corrected.text).toContain('€12,000.00');
    // Without a revision, the PDF is the latest one.
    expect((await pdfOf(invoice.id)).fileName).toBe('COR-1-R2.pdf');
    expect(await rejectionOf(pdfOf(invoice.id, 3))).toMatchObject({ code: 'not_found' });

    const audit = await auditOf(t.db, team.organizationId, ['invoices.correct']);
    expect(audit.find((a) => a.entityId === correction.id)).toMatchObject({ actorType: 'user', entityType: 'invoice_correction', after: { status: 'issued', changedFields: ['companyName', 'taxIds'], revision: 2 } });
    expect(JSON.stringify(audit)).not.toContain('Globex Holdings GmbH');
    const events = (await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'invoice_correction.issued');
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ correctionId: correction.id, invoiceId: invoice.id, revision: 2 }));
  });

  it('puts the latest revision of each invoice in the ZIP', async () => {
    const day = daysAgo(20);
    const invoice = await issue('COR-ZIP', day);
    await renameCompany('Globex Zip AG');
    await correct(invoice.id);
    const zip = unzipSync(new Uint8Array(await invoiceArchive(t.db, team.organizationId, { from: day, to: day })));
    expect(Object.keys(zip)).toEqual(['COR-ZIP-R2.pdf']);
    expect(await pdfText(zip['COR-ZIP-R2.pdf']!)).toContain('Globex Zip AG');
  });

  it('shows the details as issued beside those on file, and refuses a correction that changes nothing', async () => {
    const invoice = await issue('COR-SAME');
    const screen = await executeQuery(billingMember(), correctionScreenQuery, { invoiceId: invoice.id }, { db: t.db });
    expect(screen).toMatchObject({ changed: [], canCorrect: true, latest: null });
    expect(screen.issued).toEqual(screen.onFile);
    expect(await rejectionOf(correct(invoice.id))).toMatchObject({ code: 'conflict' });
    await renameCompany('Globex Later Ltd');
    const later = await executeQuery(billingMember(), correctionScreenQuery, { invoiceId: invoice.id }, { db: t.db });
    expect(later.changed).toEqual(['companyName']);
    expect(later.onFile.companyName).toBe('Globex Later Ltd');
  });

  it('is refused to a member without the billing role, and another organization’s invoice is not found', async () => {
    const invoice = await issue('COR-PERM');
    await renameCompany('Globex Perm SA');
    expect(await rejectionOf(correct(invoice.id, plainMember()))).toMatchObject({ code: 'forbidden' });
    const other = await seedTeam(t.db, ['billing']);
    const stranger = userActor(other.members[0]!);
    expect(await rejectionOf(correct(invoice.id, stranger))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeQuery(stranger, invoiceRevisionsQuery, { invoiceId: invoice.id }, { db: t.db }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(invoicePdf(t.db, other.organizationId, invoice.id, 1))).toMatchObject({ code: 'not_found' });
  });
});

describe('a request outside the rules', () => {
  it('becomes a billing details ticket when the invoice is too old, and says so', async () => {
    const invoice = await issue('COR-OLD', daysAgo(400));
    await renameCompany('Globex Old Co');
    const { correction } = await correct(invoice.id);
    expect(correction).toMatchObject({ status: 'ticket', ticketId: expect.any(String) });
    expect(correction).not.toHaveProperty('revision');
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, correction.ticketId!));
    expect(ticket).toMatchObject({ organizationId: team.organizationId, category: 'billing_details', status: 'open', source: 'portal' });
    expect(ticket!.subject).toContain('COR-OLD');
    const { revisions } = await executeQuery(billingMember(), invoiceRevisionsQuery, { invoiceId: invoice.id }, { db: t.db });
    expect(revisions).toHaveLength(1);
  });

  it('becomes a ticket when a field may not change without approval', () => {
    const rules = { ...invoiceCorrectionRules, fieldsWithoutApproval: ['companyName', 'address'] as const };
    const recent = { provider: 'contract', issuedAt: new Date('2026-11-01T00:00:00Z') };
    const now = new Date('2026-12-01T00:00:00Z');
    expect(judgeCorrection(rules, recent, ['companyName'], now)).toEqual({ kind: 'issue' });
    expect(judgeCorrection(rules, recent, ['companyName', 'taxIds'], now)).toEqual({ kind: 'ticket', reason: expect.stringContaining('tax IDs') });
    expect(judgeCorrection(rules, { ...recent, provider: 'stripe' }, ['companyName'], now)).toEqual({ kind: 'approval' });
    expect(judgeCorrection(rules, { ...recent, issuedAt: new Date('2025-12-01T00:00:00Z') }, ['companyName'], now)).toMatchObject({ kind: 'ticket' });
  });

  it('compares the details ignoring the order of tax IDs and the case of the email', () => {
    const base = { companyName: 'A', billingEmail: 'ap@a.example', addressLines: ['1 Road'], taxIds: [{ type: 'eu_vat', value: 'DE1' }, { type: 'gb_vat', value: 'GB2' }] };
    expect(changedFields(base, { ...base, billingEmail: 'AP@a.example', taxIds: [...base.taxIds].reverse() })).toEqual([]);
    expect(changedFields(base, { ...base, addressLines: ['2 Road'] })).toEqual(['address']);
  });
});

describe('correcting a Stripe invoice', () => {
  it('waits for a lead’s approval, and a second request meanwhile is a conflict', async () => {
    const fetchedAt = new Date();
    const billTo = { companyName: 'Globex Corporation', billingEmail: null, addressLines: [], taxIds: [] };
    const row = await applyStripeInvoice(t.db, team.organizationId, {
      stripeInvoiceId: `in_${crypto.randomUUID()}`, customerId: 'cus_x', number: 'STR-1', status: 'paid', currency: 'eur', subtotal: 1000n, tax: 0n, total: 1000n, amountPaid: 1000n,
      issuedAt: new Date(Date.now() - 10 * 86_400_000), dueAt: null, periodStart: null, periodEnd: null, paidAt: null, lines: [], billTo, pdfUrl: null,
    }, fetchedAt);
    const { correction } = await correct(row!.id);
    expect(correction).toMatchObject({ status: 'awaiting_approval' });
    expect(await rejectionOf(correct(row!.id))).toMatchObject({ code: 'conflict' });
    const screen = await executeQuery(billingMember(), correctionScreenQuery, { invoiceId: row!.id }, { db: t.db });
    expect(screen).toMatchObject({ canCorrect: false, latest: { id: correction.id, status: 'awaiting_approval' } });
  });
});
