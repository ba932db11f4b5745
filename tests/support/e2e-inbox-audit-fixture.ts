// The finished inbox audit the scope journey proposes from: how many tickets of each category it holds.
// Written into the journey's own portal database by e2e-seed-inbox-audit.ts before that portal starts.

export const E2E_AUDIT_LABEL = 'Help desk export, Q3 2026';

/** Tickets per category: the Billing section absorbs card and plan_change (42), Team 20, Invoices 8. */
export const E2E_AUDIT_TICKETS = { card: 30, team: 20, plan_change: 12, invoices: 8, refund: 6, other: 4 } as const;
