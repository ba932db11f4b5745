import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/test-db';
import { inboxAudits, inboxAuditTickets } from './schema';
import { topReasons } from './top';

// The ranked reasons on a fixture small enough to work out by hand.

const t = useTestDatabase();
const cost = { perHour: 4000n, currency: 'usd' };
const at = (hour: number) => new Date(Date.UTC(2026, 8, 1, hour));

async function auditWith(tickets: { category: string; openHours: number | null }[]): Promise<string> {
  const id = crypto.randomUUID();
  await t.db.insert(inboxAudits).values({ id, label: id, status: 'ready' });
  await t.db.insert(inboxAuditTickets).values(
    tickets.map((ticket, i) => ({
      auditId: id,
      externalId: `t${i}`,
      line: i + 2,
      category: ticket.category,
      confidence: 0.5,
      createdAt: at(0),
      closedAt: ticket.openHours === null ? null : at(ticket.openHours),
    })),
  );
  return id;
}

describe('topReasons', () => {
  it('ranks categories by tickets (ties by id), with shares, median hours, cost and screen', async () => {
    const id = await auditWith([
      { category: 'card', openHours: 1 },
      { category: 'card', openHours: 2 },
      { category: 'card', openHours: 4 },
      { category: 'invoices', openHours: 3 },
      { category: 'invoices', openHours: 3 },
      { category: 'invoices', openHours: null },
      { category: 'refund', openHours: 10 },
      { category: 'refund', openHours: null },
      { category: 'team', openHours: null },
    ]);
    const reasons = await topReasons(t.db, id, cost);
    expect(reasons.map((r) => [r.rank, r.category, r.tickets, r.share, r.cumulativeShare, r.medianResolutionHours, r.humanCost, r.portalScreen, r.absorbable])).toEqual([
      // 3 of 9; median of 1, 2, 4 h is 2 h; 3 tickets × 2 h × $40 = $240.
      [1, 'card', 3, 3 / 9, 3 / 9, 2, 24000n, '/account/billing?flow=payment_method_update', true],
      // Median over the two closed tickets: 3 h; 3 × 3 × $40 = $360.
      [2, 'invoices', 3, 3 / 9, 6 / 9, 3, 36000n, '/account/invoices', true],
      // A refund stays with support; 2 × 10 × $40 = $800.
      [3, 'refund', 2, 2 / 9, 8 / 9, 10, 80000n, null, false],
      // No closed ticket: no median, no cost.
      [4, 'team', 1, 1 / 9, 1, null, 0n, '/account/team', true],
    ]);
  });

  it('keeps the top 15 only', async () => {
    const id = await auditWith(Array.from({ length: 16 }, (_, i) => ({ category: `c${String(i).padStart(2, '0')}`, openHours: 1 })));
    const reasons = await topReasons(t.db, id, cost);
    expect(reasons).toHaveLength(15);
    expect(reasons.at(-1)!.cumulativeShare).toBe(15 / 16);
  });
});
