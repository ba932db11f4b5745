import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from '../auth/schema';

export type ContractTerms = { terms: string; renewalDate: string; amount: number; currency: string };

export const organization = pgTable(
  'organization',
  {
    id: text('id').primaryKey(),
    /** The host product's id for this customer. */
    externalId: text('external_id').unique(),
    name: text('name').notNull(),
    plan: text('plan').notNull().default('free'),
    billing: text('billing'),
    stripeCustomerId: text('stripe_customer_id'),
    contract: jsonb('contract').$type<ContractTerms>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Stripe webhooks find the organization by its customer; staff search finds it by any part of
  // its name, external id or customer id (trigram indexes, migration 0010).
  (t) => [
    index('organization_stripe_customer_idx').on(t.stripeCustomerId),
    index('organization_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('organization_external_id_trgm_idx').using('gin', t.externalId.op('gin_trgm_ops')),
    index('organization_stripe_customer_trgm_idx').using('gin', t.stripeCustomerId.op('gin_trgm_ops')),
  ],
);

export const membership = pgTable(
  'membership',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('membership_org_user_idx').on(t.organizationId, t.userId),
    index('membership_user_idx').on(t.userId),
  ],
);
