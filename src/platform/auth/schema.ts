import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { betterAuthTables } from './tables';

export const { user, session, account, verification, twoFactor } = betterAuthTables(
  '',
  {
    /** The host product's id for this person, set by the handoff. */
    externalId: text('external_id').unique(),
  },
  {
    activeOrganizationId: text('active_organization_id'),
    /** How the session began: 'builtin' sign-in or 'host' handoff. */
    origin: text('origin'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  // Staff search finds an organization by any part of a member's email (migration 0010).
  (email) => [index('user_email_trgm_idx').using('gin', email.op('gin_trgm_ops'))],
);

/** Single-use links minted by POST /api/v1/portal-sessions; only the token's hash is kept. */
export const portalHandoff = pgTable('portal_handoff', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: text('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id').notNull(),
  path: text('path').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
