import { isNotNull } from 'drizzle-orm';
import { billingProviderOf, organizationBilling, type OrganizationBilling } from '@/modules/billing/service';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { claimEvent, dueFailedEvents, eventStatus } from './inbox';
import { syncOrganization } from './process';
import { runEvent } from './webhook';

export { receiveWebhook, type WebhookOutcome } from './webhook';
export { type StripeEventView } from './inbox';
export { replayEventInput, staffReplayStripeEvent, staffSyncFromStripe, stripeSyncInput } from './staff-actions';
export { customerEventsOlderThan, type CustomerEvent } from './customer-events';
export { syncOrganization };

/** Processes one stored event again, whatever its state (`npm run stripe:replay -- <event id>`). */
export async function replayEvent(db: Db, eventId: string): Promise<{ outcome: 'processed' | 'ignored' | 'failed' | 'busy' | 'unknown'; lastError: string | null }> {
  if (!(await eventStatus(db, eventId))) return { outcome: 'unknown', lastError: null };
  const event = await claimEvent(db, eventId, { force: true });
  if (!event) return { outcome: 'busy', lastError: null };
  const outcome = await runEvent(db, event);
  return { outcome, lastError: outcome === 'failed' ? ((await eventStatus(db, eventId))?.lastError ?? null) : null };
}

/** Retries the failed events whose back-off has run out; returns how many were tried. */
export async function retryFailedEvents(db: Db): Promise<number> {
  const ids = await dueFailedEvents(db);
  for (const id of ids) {
    const event = await claimEvent(db, id);
    if (event) await runEvent(db, event);
  }
  return ids.length;
}

/** Backfills every Stripe organization (first install, drift repair); safe to run again. */
export async function syncAllOrganizations(db: Db, onProgress: (line: string) => void = () => {}): Promise<{ synced: number; failed: number }> {
  const rows = await db.select().from(organization).where(isNotNull(organization.stripeCustomerId));
  let synced = 0;
  let failed = 0;
  for (const org of rows) {
    if (billingProviderOf(org) !== 'stripe') continue;
    try {
      await syncOrganization(db, org.id, org.stripeCustomerId!);
      synced++;
      onProgress(`synced ${org.name} (${org.stripeCustomerId})`);
    } catch (error) {
      failed++;
      onProgress(`FAILED ${org.name} (${org.stripeCustomerId}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { synced, failed };
}

/**
 * The organization's billing, fetched from Stripe on the spot the first time a Stripe customer looks
 * (before any webhook or backfill reached it); later looks read the mirror only.
 */
export async function billingWithFirstSync(db: Db, organizationId: string): Promise<OrganizationBilling> {
  const billing = await organizationBilling(db, organizationId);
  if (billing.provider !== 'stripe' || billing.profile?.customerFetchedAt) return billing;
  await syncOrganization(db, organizationId, billing.organization.stripeCustomerId!);
  return organizationBilling(db, organizationId);
}

/**
 * billingWithFirstSync for a screen: when Stripe cannot answer, what the portal has on file, and
 * why the rest is missing.
 */
export async function billingForScreen(db: Db, organizationId: string): Promise<{ billing: OrganizationBilling; stripeProblem: string | null }> {
  try {
    return { billing: await billingWithFirstSync(db, organizationId), stripeProblem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const stripeProblem = error.code === 'upstream_unavailable' ? 'We couldn’t reach Stripe just now, so your plan, card and newest invoices may be missing. Please try again in a minute.' : error.message;
    return { billing: await organizationBilling(db, organizationId), stripeProblem };
  }
}
