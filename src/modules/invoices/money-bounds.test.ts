import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organization } from '@/platform/tenancy/schema';
import { rejectionOf } from '../../../tests/support/errors';
import { pdfText } from '../../../tests/support/pdf-text';
import { seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { hostActor, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { invoice } from './schema';
import { createContractInvoice, getInvoice, invoicePdf, listInvoices, reportPayment } from './service';
import { executeAction } from '@/platform/actions/execute';

const t = useTestDatabase();
const MAX = Number.MAX_SAFE_INTEGER;

let team: SeededTeam;
let externalId: string;
const billingMember = () => userActor(team.members[0]!);

let serial = 0;
function contractInvoice(lines: { description?: string; quantity: number; unitAmount: number }[], currency = 'eur') {
  return {
    externalId,
    number: `BIG-${++serial}`,
    issuedAt: '2026-07-01',
    dueAt: '2026-07-31',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    currency,
    lines: lines.map((l) => ({ description: 'Seats', ...l })),
  };
}

const issue = async (lines: Parameters<typeof contractInvoice>[0], currency?: string) => (await executeAction(hostActor, createContractInvoice, contractInvoice(lines, currency), { db: t.db })).invoice;

async function storedTotal(invoiceId: string) {
  const [row] = await t.db.select({ subtotal: invoice.subtotal, total: invoice.total }).from(invoice).where(and(eq(invoice.id, invoiceId), eq(invoice.organizationId, team.organizationId)));
  return row;
}

async function pdfOf(invoiceId: string): Promise<string> {
  const document = await invoicePdf(t.db, team.organizationId, invoiceId);
  if (!('pdf' in document)) throw new Error('expected our own PDF for a contract invoice');
  return pdfText(document.pdf);
}

async function invoiceCount() {
  return (await listInvoices(t.db, team.organizationId, {})).length;
}

beforeAll(async () => {
  team = await seedTeam(t.db, ['billing']);
  const [org] = await t.db.update(organization).set({ billing: 'contract' }).where(eq(organization.id, team.organizationId)).returning();
  externalId = org!.externalId!;
});

describe('contract invoice amounts beyond 32 bits', () => {
  it.each([
    ['30 × 100,000,000', [{ quantity: 30, unitAmount: 100_000_000 }], 'eur', 3_000_000_000, '€30,000,000.00'],
    ['one line just past 2^31', [{ quantity: 1, unitAmount: 2_147_483_648 }], 'eur', 2_147_483_648, '€21,474,836.48'],
    ['the largest total a JSON number holds', [{ quantity: 1, unitAmount: MAX - 1 }, { quantity: 1, unitAmount: 1 }], 'eur', MAX, '€90,071,992,547,409.91'],
    ['a million × 1e9 in yen', [{ quantity: 1_000_000, unitAmount: 1_000_000_000 }], 'jpy', 1e15, '¥1,000,000,000,000,000'],
    ['a large credit against a larger charge', [{ quantity: 1, unitAmount: 8_000_000_000_000_000 }, { quantity: 2, unitAmount: -3_000_000_000_000_000 }], 'usd', 2e15, '$20,000,000,000,000.00'],
  ])('%s: exact in the database, the JSON view and the PDF', async (_name, lines, currency, total, printed) => {
    const issued = await issue(lines, currency);
    expect(issued.total).toBe(total);
    expect(issued.subtotal).toBe(total);
    expect(issued.amountDue).toBe(total);
    expect(await storedTotal(issued.id)).toEqual({ subtotal: BigInt(total), total: BigInt(total) });
    expect((await getInvoice(t.db, team.organizationId, issued.id)).total).toBe(total);
    expect(issued.lines.map((l) => l.amount)).toEqual(lines.map((l) => l.quantity * l.unitAmount));
    const text = await pdfOf(issued.id);
    expect(text).toMatch(new RegExp(`Total\\s*${printed.replace(/[$.]/g, '\\$&')}`));
  });

  it.each([
    ['a unit amount past 2^53', [{ quantity: 1, unitAmount: 2 ** 53 }], 'lines.0.unitAmount'],
    ['a line whose product passes 2^53', [{ quantity: 1_000_000, unitAmount: 100_000_000_000 }], 'lines.0.unitAmount'],
    ['a negative line whose product passes -2^53', [{ quantity: 2, unitAmount: -(2 ** 52) - 1 }], 'lines.0.unitAmount'],
    ['lines each in bounds whose sum is not', [{ quantity: 1, unitAmount: MAX }, { quantity: 1, unitAmount: 1 }], 'lines'],
    ['a fractional unit amount', [{ quantity: 1, unitAmount: 10.5 }], 'lines.0.unitAmount'],
    ['a unit amount of Infinity', [{ quantity: 1, unitAmount: Infinity }], 'lines.0.unitAmount'],
    ['a second line past the bound', [{ quantity: 1, unitAmount: 1 }, { quantity: 3, unitAmount: 4_000_000_000_000_000 }], 'lines.1.unitAmount'],
  ])('%s is a 422 naming the field, and nothing is stored', async (_name, lines, field) => {
    const before = await invoiceCount();
    const error = await rejectionOf(executeAction(hostActor, createContractInvoice, contractInvoice(lines), { db: t.db }));
    expect(error).toMatchObject({ code: 'validation_failed', fields: { [field]: expect.any(String) } });
    expect(await invoiceCount()).toBe(before);
  });
});

describe('report-payment amounts', () => {
  const report = (invoiceId: string, amount: unknown) => executeAction(billingMember(), reportPayment, { invoiceId, reference: 'BANK-1', paidAt: '2026-07-10', amount }, { db: t.db });

  it.each([
    ['zero', 0],
    ['negative', -100],
    ['fractional', 12.5],
    ['past 2^53', 2 ** 53],
    ['a string', '3000000000'],
    ['one more than is due', 3_000_000_001],
    ['far more than is due', MAX],
  ])('%s is a 422 on amount, and no report is recorded', async (_name, amount) => {
    const big = await issue([{ quantity: 30, unitAmount: 100_000_000 }]);
    const error = await rejectionOf(report(big.id, amount));
    expect(error).toMatchObject({ code: 'validation_failed', fields: { amount: expect.any(String) } });
    expect((await getInvoice(t.db, team.organizationId, big.id)).paymentReport).toBeNull();
  });

  it('takes the exact amount due beyond 32 bits, or part of it', async () => {
    const whole = await issue([{ quantity: 30, unitAmount: 100_000_000 }]);
    expect((await report(whole.id, 3_000_000_000)).invoice).toMatchObject({ paymentReported: true, paymentReport: { amount: 3_000_000_000 } });
    const part = await issue([{ quantity: 30, unitAmount: 100_000_000 }]);
    expect((await report(part.id, 1_000_000_000)).invoice.paymentReport).toMatchObject({ amount: 1_000_000_000 });
  });

  it('is refused against what is still due, and for an invoice with nothing due or not open', async () => {
    const partlyPaid = await issue([{ quantity: 1, unitAmount: 10_000 }]);
    await t.db.update(invoice).set({ amountPaid: 6_000n }).where(eq(invoice.id, partlyPaid.id));
    expect(await rejectionOf(report(partlyPaid.id, 4_001))).toMatchObject({ code: 'validation_failed', fields: { amount: expect.stringContaining('€40.00') } });
    expect((await report(partlyPaid.id, 4_000)).invoice.paymentReport).toMatchObject({ amount: 4_000 });

    const credit = await issue([{ quantity: 1, unitAmount: -5_000 }]);
    expect(await rejectionOf(report(credit.id, 1))).toMatchObject({ code: 'conflict' });

    for (const status of ['void', 'uncollectible', 'draft', 'paid']) {
      const closed = await issue([{ quantity: 1, unitAmount: 10_000 }]);
      await t.db.update(invoice).set({ status }).where(eq(invoice.id, closed.id));
      expect(await rejectionOf(report(closed.id, 1_000))).toMatchObject({ code: 'conflict' });
      expect((await getInvoice(t.db, team.organizationId, closed.id)).paymentReport).toBeNull();
    }
  });
});
