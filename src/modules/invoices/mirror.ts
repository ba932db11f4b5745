import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { invoice } from './schema';
import type { FetchedInvoice } from './stripe-invoice';

/**
 * Upserts a Stripe invoice as fetched at `fetchedAt`. The update applies only when no fetch that
 * started later has written the row: delivery order and concurrency never roll an invoice back.
 * Returns the row when it was written, null when a newer state was already there.
 */
export async function applyStripeInvoice(tx: Db, organizationId: string, fetched: FetchedInvoice, fetchedAt: Date): Promise<typeof invoice.$inferSelect | null> {
  const { customerId: _customer, ...fields } = fetched;
  const values = { ...fields, organizationId, provider: 'stripe', fetchedAt, updatedAt: new Date() };
  const [row] = await tx
    .insert(invoice)
    .values({ id: crypto.randomUUID(), ...values })
    .onConflictDoUpdate({ target: invoice.stripeInvoiceId, set: values, setWhere: sql`${invoice.fetchedAt} is null or ${invoice.fetchedAt} <= excluded.fetched_at` })
    .returning();
  return row ?? null;
}
