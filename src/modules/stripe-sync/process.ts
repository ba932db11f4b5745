import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { syncFromStripe, type SyncInput } from './actions';

const system: Actor = { type: 'system', organizationId: null };

type Part = 'customer' | 'subscription' | 'invoice';

const partOf = (type: string): Part | null => {
  if (type === 'customer.updated' || type.startsWith('customer.tax_id.') || type === 'payment_method.attached' || type === 'payment_method.detached') return 'customer';
  if (type.startsWith('customer.subscription.')) return 'subscription';
  if (['invoice.finalized', 'invoice.paid', 'invoice.payment_failed', 'invoice.voided', 'invoice.updated', 'invoice.marked_uncollectible'].includes(type)) return 'invoice';
  return null;
};

/** The customer an event is about; a detached card no longer has one, its previous attributes do. */
function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: string; object?: string; customer?: string | { id: string } | null };
  const previous = (event.data.previous_attributes ?? {}) as { customer?: string };
  const customer = object.object === 'customer' ? object.id : (object.customer ?? previous.customer);
  return (typeof customer === 'string' ? customer : customer?.id) ?? null;
}

async function organizationOfCustomer(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db.select({ id: organization.id }).from(organization).where(eq(organization.stripeCustomerId, customerId)).limit(1);
  return row?.id ?? null;
}

/**
 * What syncing an event means: the part of which organization's mirror to fetch again. Null for
 * unknown types, and for customers no organization is linked to.
 */
export async function syncInputOf(db: Db, event: Stripe.Event): Promise<SyncInput | null> {
  const part = partOf(event.type);
  const customerId = part ? customerOf(event) : null;
  const organizationId = customerId ? await organizationOfCustomer(db, customerId) : null;
  if (!part || !customerId || !organizationId) return null;
  const source = { organizationId, eventId: event.id, eventType: event.type };
  return part === 'invoice' ? { part, invoiceId: (event.data.object as { id: string }).id, ...source } : { part, customerId, ...source };
}

/** Applies one event by re-fetching what it is about; those `syncInputOf` has no part for are acknowledged as ignored. */
export async function processEvent(db: Db, event: Stripe.Event): Promise<'processed' | 'ignored'> {
  const input = await syncInputOf(db, event);
  if (!input) return 'ignored';
  await executeAction(system, syncFromStripe, input, { db });
  return 'processed';
}

/**
 * What a backfill of one organization fetches, in order: subscription, every invoice, then the
 * customer, each idempotent. The customer comes last because its fetch time marks the organization
 * as synced (see billingWithFirstSync).
 */
export const BACKFILL_PARTS = ['subscription', 'invoices', 'customer'] as const;

export async function syncOrganization(db: Db, organizationId: string, customerId: string): Promise<void> {
  for (const part of BACKFILL_PARTS) {
    await executeAction(system, syncFromStripe, { part, organizationId, customerId }, { db });
  }
}
