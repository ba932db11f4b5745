import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '@/platform/tenancy/schema';

export type BillingAddress = { line1: string; line2: string | null; city: string; postalCode: string; state: string | null; country: string };
export type BillingDetailField = 'billingEmail' | 'companyName' | 'address';
export type PaymentMethodSummary = { brand: string; last4: string; expMonth: number; expYear: number };

/**
 * An organization's billing details (edited in the portal) and, for Stripe customers, the mirror of
 * its Stripe customer and subscription. The mirror is written only by the sync, never by a screen;
 * each part carries the time its Stripe fetch started, so an older fetch never overwrites a newer one.
 * Details edited here are the truth: for a Stripe customer they are pushed after the commit by the
 * `stripe_push` channel, and show as syncing while `stripePushFields` lists any.
 */
export const billingProfile = pgTable('billing_profile', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  billingEmail: text('billing_email'),
  companyName: text('company_name'),
  address: jsonb('address').$type<BillingAddress>(),
  paymentMethod: jsonb('payment_method').$type<PaymentMethodSummary>(),
  customerFetchedAt: timestamp('customer_fetched_at', { withTimezone: true }),
  subscriptionId: text('subscription_id'),
  subscriptionStatus: text('subscription_status'),
  planName: text('plan_name'),
  currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
  nextAmount: bigint('next_amount', { mode: 'bigint' }),
  currency: text('currency'),
  cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
  subscriptionFetchedAt: timestamp('subscription_fetched_at', { withTimezone: true }),
  /** Bumped by every edit of the details here: a push is done only if no edit came in while it ran. */
  detailsRevision: integer('details_revision').notNull().default(0),
  /** The details edited here that Stripe does not have yet: a sync from Stripe leaves them alone. */
  stripePushFields: text('stripe_push_fields').array().$type<BillingDetailField[]>().notNull().default(sql`'{}'::text[]`),
  stripePushedAt: timestamp('stripe_pushed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Tax IDs: Stripe's (id `txi_…`, verification from Stripe) or, for other providers, our own. */
export const taxId = pgTable(
  'tax_id',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    value: text('value').notNull(),
    verification: text('verification').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tax_id_org_value_idx').on(t.organizationId, t.type, t.value)],
);
