import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';

/**
 * A key belongs to its organization, not to whoever made it: removing the creator keeps the key
 * (`created_by_name` keeps the name even if the user row goes). Only the secret's hash is stored.
 */
export const apiKey = pgTable(
  'api_key',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the secret, enough to recognise it in a list. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdByUserId: text('created_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Set on the old key by a rotation: the key that replaced it. */
    replacedById: text('replaced_by_id'),
  },
  (t) => [index('api_key_org_idx').on(t.organizationId, t.createdAt), index('api_key_active_idx').on(t.organizationId).where(sql`revoked_at is null`)],
);
