import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';

/** Only the token's hash is kept: the link in the mail is the only copy of the token. */
export const invitation = pgTable(
  'invitation',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // One open invitation per address per organization (an expired one is closed when replaced).
    uniqueIndex('invitation_open_email_idx').on(t.organizationId, t.email).where(sql`accepted_at is null and revoked_at is null`),
    index('invitation_org_idx').on(t.organizationId),
  ],
);
