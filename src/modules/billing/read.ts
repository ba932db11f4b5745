import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { toJsonAmount } from '@/platform/money/minor-units';
import { organization, type ContractTerms } from '@/platform/tenancy/schema';
import { billingProviderOf, type BillingProviderName } from './provider';
import { billingProfile, taxId, type BillingAddress, type PaymentMethodSummary } from './schema';

export type TaxIdView = { id: string; type: string; value: string; verification: string };
export type BillingDetails = { billingEmail: string | null; companyName: string | null; address: BillingAddress | null; taxIds: TaxIdView[] };

export type BillingOverview = {
  provider: BillingProviderName;
  plan: string;
  status: string | null;
  nextBillingDate: string | null;
  amount: number | null;
  currency: string | null;
  paymentMethod: PaymentMethodSummary | null;
  /** Contract (and unlinked) organizations cannot change their plan or card here. */
  readOnly: boolean;
  cancelAtPeriodEnd: boolean;
  contract: ContractTerms | null;
  /** False for a Stripe customer whose Stripe state has never been fetched yet. */
  synced: boolean;
  /** Details edited here that Stripe does not have yet (the push is queued or retrying). */
  detailsSyncing: boolean;
  details: BillingDetails;
};

export type OrganizationBilling = {
  organization: typeof organization.$inferSelect;
  profile: typeof billingProfile.$inferSelect | null;
  taxIds: TaxIdView[];
  provider: BillingProviderName;
};

/** The organization, its billing profile and tax IDs: two queries run together. */
export async function organizationBilling(db: Db, organizationId: string): Promise<OrganizationBilling> {
  const [rows, taxIds] = await Promise.all([
    db.select({ organization, profile: billingProfile }).from(organization).leftJoin(billingProfile, eq(billingProfile.organizationId, organization.id)).where(eq(organization.id, organizationId)),
    db.select({ id: taxId.id, type: taxId.type, value: taxId.value, verification: taxId.verification }).from(taxId).where(eq(taxId.organizationId, organizationId)).orderBy(asc(taxId.createdAt), asc(taxId.id)),
  ]);
  const row = rows[0];
  if (!row) throw notFound('Organization');
  return { organization: row.organization, profile: row.profile, taxIds, provider: billingProviderOf(row.organization) };
}

export function detailsOf({ profile, taxIds }: Pick<OrganizationBilling, 'profile' | 'taxIds'>): BillingDetails {
  return { billingEmail: profile?.billingEmail ?? null, companyName: profile?.companyName ?? null, address: profile?.address ?? null, taxIds };
}

export function billingOverviewOf(billing: OrganizationBilling): BillingOverview {
  const { organization: org, profile, provider } = billing;
  const base = { provider, plan: org.plan, cancelAtPeriodEnd: false, contract: null, paymentMethod: null, synced: true, detailsSyncing: false, details: detailsOf(billing) };
  if (provider === 'contract') {
    const contract = org.contract ?? null;
    return { ...base, status: 'active', nextBillingDate: contract?.renewalDate ?? null, amount: contract?.amount ?? null, currency: contract?.currency ?? null, readOnly: true, contract };
  }
  if (provider === 'none') return { ...base, status: null, nextBillingDate: null, amount: null, currency: null, readOnly: true };
  const ending = profile?.cancelAtPeriodEnd || profile?.subscriptionStatus === 'canceled';
  return {
    ...base,
    plan: profile?.planName ?? org.plan,
    status: profile?.subscriptionStatus ?? null,
    nextBillingDate: ending ? null : (profile?.currentPeriodEnd?.toISOString() ?? null),
    amount: ending || profile?.nextAmount == null ? null : toJsonAmount(profile.nextAmount),
    currency: profile?.currency ?? null,
    paymentMethod: profile?.paymentMethod ?? null,
    readOnly: false,
    cancelAtPeriodEnd: profile?.cancelAtPeriodEnd ?? false,
    synced: Boolean(profile?.customerFetchedAt),
    detailsSyncing: (profile?.stripePushFields.length ?? 0) > 0,
  };
}
