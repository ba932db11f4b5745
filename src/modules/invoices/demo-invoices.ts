import type { Db } from '@/platform/db/types';
import { billToNow } from './bill-to';
import { invoice } from './schema';

const DAY = 86_400_000;

function quarterStart(now: Date, quartersAgo: number): Date {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - quartersAgo;
  return new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
}

/**
 * A contract customer's quarterly invoices, the oldest first: all paid but the current quarter's,
 * which is open (so the demo can report a bank transfer for it). Made out to the details on file.
 */
export async function seedDemoContractInvoices(tx: Db, organizationId: string, options: { prefix: string; quarters: number; yearlyAmount: number; currency: string }, now = new Date()): Promise<void> {
  const amount = Math.round(options.yearlyAmount / 4);
  const billTo = await billToNow(tx, organizationId);
  for (let ago = options.quarters - 1; ago >= 0; ago--) {
    const start = quarterStart(now, ago);
    const end = new Date(quarterStart(now, ago - 1).getTime() - 1000);
    const quarter = `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
    const lines = [{ description: `Enterprise plan, ${quarter}`, quantity: 1, unitAmount: amount, amount, periodStart: start.toISOString(), periodEnd: end.toISOString(), proration: false }];
    const paid = ago > 0;
    await tx.insert(invoice).values({
      id: crypto.randomUUID(),
      organizationId,
      provider: 'contract',
      number: `${options.prefix}-${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`,
      status: paid ? 'paid' : 'open',
      currency: options.currency,
      subtotal: BigInt(amount),
      total: BigInt(amount),
      amountPaid: paid ? BigInt(amount) : 0n,
      issuedAt: start,
      dueAt: new Date(start.getTime() + 30 * DAY),
      periodStart: start,
      periodEnd: end,
      paidAt: paid ? new Date(start.getTime() + 20 * DAY) : null,
      lines,
      billTo,
    });
  }
}
