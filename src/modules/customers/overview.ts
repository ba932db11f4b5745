import { eq } from 'drizzle-orm';
import { organizationKeys, type KeyView } from '@/modules/api-keys/service';
import { billingOverview, type BillingOverview } from '@/modules/billing/service';
import { listInvoices, type InvoiceSummary } from '@/modules/invoices/service';
import { organizationView, type OrganizationView } from '@/modules/organizations/service';
import { listTeam, seatSummary, type InvitationView, type MemberView } from '@/modules/team/service';
import { usageOverview, type MeterUsage } from '@/modules/usage/service';
import type { Db } from '@/platform/db/types';
import { AppError, notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';

export const RECENT_INVOICES = 12;

/** One customer as the support team sees it, read through each capability's own service. */
export type CustomerOverview = {
  organization: OrganizationView;
  billing: BillingOverview;
  members: MemberView[];
  invitations: InvitationView[];
  seats: { used: number; limit: number | null; full: boolean };
  apiKeys: KeyView[];
  /** Null with the reason when the metering source (Stripe Billing Meters) could not answer. */
  usage: { meters: MeterUsage[] } | { meters: null; problem: string };
  invoices: InvoiceSummary[];
};

async function usageOf(db: Db, org: OrganizationView): Promise<CustomerOverview['usage']> {
  try {
    return { meters: (await usageOverview(db, org)).meters };
  } catch (error) {
    if (error instanceof AppError) return { meters: null, problem: error.message };
    throw error;
  }
}

/** The customer page: plan and billing (the mirror, no call to Stripe), team, keys, usage, recent invoices. */
export async function customerOverview(db: Db, organizationId: string): Promise<CustomerOverview> {
  const [row] = await db.select().from(organization).where(eq(organization.id, organizationId));
  if (!row) throw notFound('Customer');
  const org = organizationView(row);
  const [billing, team, apiKeys, usage, invoices] = await Promise.all([
    billingOverview(db, org.id),
    listTeam(db, org.id),
    organizationKeys(db, org.id),
    usageOf(db, org),
    listInvoices(db, org.id, {}, RECENT_INVOICES),
  ]);
  return { organization: org, billing, ...team, seats: seatSummary(org.plan, team), apiKeys, usage, invoices };
}
