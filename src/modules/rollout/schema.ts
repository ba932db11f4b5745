import { jsonb, pgTable, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { staffUser } from '@/platform/auth/staff-schema';

/**
 * Who sees a portal section: `off`, `on`, a stable `percentage` of organizations (by a hash of the
 * organization id) or an `allowlist` of organizations. A section with no row is `on`, as before rollout
 * existed. DISABLED_SECTIONS stays the operator's hard off switch above all of this.
 */
export const sectionRollouts = pgTable('section_rollouts', {
  section: text('section').primaryKey(),
  mode: text('mode').notNull(),
  percentage: integer('percentage').notNull().default(0),
  organizations: jsonb('organizations').$type<string[]>().notNull().default([]),
  /** The first time a switch showed the section to customers: the "after" of the deflection figures. */
  launchedAt: timestamp('launched_at', { withTimezone: true }),
  updatedByStaffId: text('updated_by_staff_id').references(() => staffUser.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
