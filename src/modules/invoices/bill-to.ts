import { organizationBilling, taxIdLabels, type BillingAddress, type TaxIdType } from '@/modules/billing/service';
import type { Db } from '@/platform/db/types';
import type { BillTo } from './schema';

function addressLinesOf(address: BillingAddress | null): string[] {
  if (!address) return [];
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.state, address.country].filter((l): l is string => Boolean(l));
}

/** The details on file now: what a new invoice is made out to. */
export async function billToNow(tx: Db, organizationId: string): Promise<BillTo> {
  const billing = await organizationBilling(tx, organizationId);
  return {
    companyName: billing.profile?.companyName ?? billing.organization.name,
    billingEmail: billing.profile?.billingEmail ?? null,
    addressLines: addressLinesOf(billing.profile?.address ?? null),
    taxIds: billing.taxIds.map((t) => ({ type: t.type, value: t.value })),
  };
}

export const taxIdLabelOf = (type: string) => taxIdLabels[type as TaxIdType] ?? type;
