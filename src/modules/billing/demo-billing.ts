import type { Db } from '@/platform/db/types';
import { billingProfile, taxId, type BillingAddress } from './schema';

export type DemoBillingDetails = { companyName: string; billingEmail: string; address: BillingAddress; taxIds: { type: string; value: string }[] };

/** The demo contract customer's billing details, as if its billing manager had entered them. */
export async function seedDemoBillingDetails(tx: Db, organizationId: string, details: DemoBillingDetails): Promise<void> {
  await tx.insert(billingProfile).values({ organizationId, companyName: details.companyName, billingEmail: details.billingEmail, address: details.address });
  for (const t of details.taxIds) {
    await tx.insert(taxId).values({ id: crypto.randomUUID(), organizationId, type: t.type, value: t.value, verification: 'not_applicable' });
  }
}
