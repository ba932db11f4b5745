import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';

/** The typed feedback form on every portal page: a bug, an idea or a question, and the page it came from. */
export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    /** `bug`, `idea` or `question`. */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    /** The route-tree path it was sent from. */
    page: text('page').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_created_idx').on(t.createdAt)],
);
