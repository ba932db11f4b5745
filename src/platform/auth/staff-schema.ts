import { text, timestamp } from 'drizzle-orm/pg-core';
import { betterAuthTables } from './tables';

/**
 * The support team's own Better Auth tables: a staff member is never a customer's user, so no
 * membership can ever name one. Handoff links and set-up links live in `staff_verification`.
 */
export const {
  user: staffUser,
  session: staffSession,
  account: staffAccount,
  verification: staffVerification,
  twoFactor: staffTwoFactor,
} = betterAuthTables(
  'staff_',
  {
    /** The host's staff tool's id for this person, set by the staff handoff. */
    externalId: text('external_id').unique(),
    role: text('role').notNull().default('agent'),
    /** Set while the person may not sign in. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  {
    /** How the session began: 'builtin' sign-in or 'host' handoff. */
    origin: text('origin'),
  },
);

