import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { billingProfile, taxId, type BillingDetailField } from './schema';
import type { FetchedCustomer, FetchedSubscription } from './stripe-customer';

type Profile = typeof billingProfile.$inferSelect;

/**
 * The profile row, created empty when missing, locked for the rest of the transaction: one statement,
 * as the no-op update of an existing row takes its lock.
 */
export async function lockBillingProfile(tx: Db, organizationId: string): Promise<Profile> {
  const [profile] = await tx
    .insert(billingProfile)
    .values({ organizationId })
    .onConflictDoUpdate({ target: billingProfile.organizationId, set: { organizationId: sql`excluded.organization_id` } })
    .returning();
  return profile!;
}

const detailFields: BillingDetailField[] = ['billingEmail', 'companyName', 'address'];

const newer = (fetchedAt: Date, watermark: Date | null) => watermark === null || fetchedAt.getTime() >= watermark.getTime();

/**
 * Writes the customer as fetched at `fetchedAt`, unless a fetch that started later already wrote
 * it: concurrent or out-of-order syncs can then never roll the details, card or tax IDs back. Details
 * waiting to be pushed to Stripe are kept.
 */
export async function applyStripeCustomer(tx: Db, organizationId: string, fetched: FetchedCustomer, fetchedAt: Date): Promise<{ applied: boolean; before: Profile; after: Profile }> {
  const before = await lockBillingProfile(tx, organizationId);
  if (!newer(fetchedAt, before.customerFetchedAt)) return { applied: false, before, after: before };
  // Details edited here and not yet pushed are newer than Stripe's: they stay until the push lands.
  const details = Object.fromEntries(detailFields.filter((field) => !before.stripePushFields.includes(field)).map((field) => [field, fetched[field]]));
  const [after] = await tx
    .update(billingProfile)
    .set({ ...details, paymentMethod: fetched.paymentMethod, customerFetchedAt: fetchedAt, updatedAt: new Date() })
    .where(eq(billingProfile.organizationId, organizationId))
    .returning();
  const ids = fetched.taxIds.map((t) => t.id);
  await tx.delete(taxId).where(ids.length > 0 ? and(eq(taxId.organizationId, organizationId), notInArray(taxId.id, ids)) : eq(taxId.organizationId, organizationId));
  for (const t of fetched.taxIds) {
    await tx
      .insert(taxId)
      .values({ id: t.id, organizationId, type: t.type, value: t.value, verification: t.verification })
      .onConflictDoUpdate({ target: taxId.id, set: { type: t.type, value: t.value, verification: t.verification } });
  }
  return { applied: true, before, after: after! };
}

export async function applyStripeSubscription(tx: Db, organizationId: string, fetched: FetchedSubscription, fetchedAt: Date): Promise<{ applied: boolean; before: Profile; after: Profile }> {
  const before = await lockBillingProfile(tx, organizationId);
  if (!newer(fetchedAt, before.subscriptionFetchedAt)) return { applied: false, before, after: before };
  const [after] = await tx
    .update(billingProfile)
    .set({
      subscriptionId: fetched?.subscriptionId ?? null,
      subscriptionStatus: fetched?.status ?? null,
      planName: fetched?.planName ?? null,
      currentPeriodEnd: fetched?.currentPeriodEnd ?? null,
      nextAmount: fetched?.nextAmount ?? null,
      currency: fetched?.currency ?? null,
      cancelAtPeriodEnd: fetched?.cancelAtPeriodEnd ?? false,
      subscriptionFetchedAt: fetchedAt,
      updatedAt: new Date(),
    })
    .where(eq(billingProfile.organizationId, organizationId))
    .returning();
  return { applied: true, before, after: after! };
}
