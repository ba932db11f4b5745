import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { z } from 'zod';
import { billingProviderOf } from '@/modules/billing/service';
import { defineAction } from '@/platform/actions/define';
import { customerInReach } from '@/platform/actions/staff-reach';
import { getDb } from '@/platform/db/client';
import { conflict, notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { applyFetched, fetchPart } from './actions';
import { finishReplay, storedEvent, stripeEventView } from './inbox';
import { BACKFILL_PARTS, syncInputOf } from './process';

export const replayEventInput = z.object({ eventId: z.string().trim().min(1).max(255) });
export const stripeSyncInput = z.object({ organizationId: z.string().trim().min(1).max(100) });

/**
 * A lead replays a stored Stripe event about a customer (after fixing what made it fail): what
 * `npm run stripe:replay` does, audited once as the staff member's action.
 */
export const staffReplayStripeEvent = defineAction({
  name: 'staff.stripe_events.replay',
  input: replayEventInput,
  async prepare({ actor }, input) {
    const db = await getDb();
    const stored = await storedEvent(db, input.eventId);
    const sync = stored ? await syncInputOf(db, stored.payload as Stripe.Event) : null;
    if (!sync) throw notFound('Stripe event');
    customerInReach(actor, sync.organizationId, 'Stripe event');
    return { sync, fetched: await fetchPart(sync) };
  },
  async run(ctx, input, { sync, fetched }) {
    const { before, after } = await finishReplay(ctx.tx, input.eventId);
    const { audit } = await applyFetched(ctx, sync, fetched);
    const state = (row: typeof before) => ({ type: row.type, status: row.status, attempts: row.attempts, lastError: row.lastError });
    return {
      result: { event: stripeEventView(after) },
      audit: { organizationId: sync.organizationId, entityType: 'stripe_event', entityId: input.eventId, before: state(before), after: { ...state(after), synced: { entityType: audit.entityType, entityId: audit.entityId, ...(audit.after as object) } } },
    };
  },
});

/** A lead re-syncs one customer from Stripe: what `npm run stripe:sync` does for every one, audited once. */
export const staffSyncFromStripe = defineAction({
  name: 'staff.stripe.sync',
  input: stripeSyncInput,
  async prepare({ actor }, input) {
    const db = await getDb();
    const [org] = await db.select().from(organization).where(eq(organization.id, input.organizationId));
    const organizationId = customerInReach(actor, org?.id, 'Organization');
    if (billingProviderOf(org!) !== 'stripe') throw conflict('This customer is not billed through Stripe.');
    const parts = [];
    for (const part of BACKFILL_PARTS) {
      const sync = { part, organizationId, customerId: org!.stripeCustomerId! };
      parts.push({ sync, fetched: await fetchPart(sync) });
    }
    return { organizationId, parts };
  },
  async run(ctx, _input, { organizationId, parts }) {
    const synced: Record<string, unknown> = {};
    for (const { sync, fetched } of parts) synced[sync.part] = (await applyFetched(ctx, sync, fetched)).audit.after;
    return {
      result: { sync: { organizationId, parts: parts.map((p) => p.sync.part), syncedAt: new Date().toISOString() } },
      audit: { organizationId, entityType: 'organization', entityId: organizationId, after: synced },
    };
  },
});
