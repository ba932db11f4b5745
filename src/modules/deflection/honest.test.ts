import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase, type SeededOrg } from '../../../tests/support/test-db';
import { contactAttempts, ticketMessages, tickets } from '@/modules/support/schema';
import { deflectionCsv, deflectionRangeInput, deflectionReport, type DeflectionFigures, type DeflectionReport } from './service';

// The holdout figures over a fixture of attempts, tickets and "Did this solve it?" answers, worked out by
// hand below. Range [2026-01-05, 2026-02-02). Organizations A and B.
//
// Card, holdout: 30 attempts — 12 sent a ticket, 18 abandoned.
// Card, shown suggestions: 40 attempts — 8 sent a ticket, 12 abandoned, 20 left for the card screen on
//   10 Jan 10:00: 3 answered "Solved", 2 "Still need help", 14 of A unanswered, 1 of B unanswered whose
//   organization filed a card ticket 3 days later (a repeat contact). A filed a card ticket 10 days later
//   and a team ticket the next day: neither is a repeat contact (outside the 7 days, another category).
// Card tickets with an auto-answer (A, 25 Jan): one solved from it, one whose customer dismissed it.
// Other: 1 holdout attempt that sent a ticket; 4 shown suggestions — 1 ticket, 1 abandoned, 2 left for a
//   screen outside the taxonomy (counted as other), never contacted again.

const t = useTestDatabase();
const cost = { perHour: 4000n, currency: 'eur' };
const at = (iso: string) => new Date(`${iso}Z`);
const range = deflectionRangeInput.parse({ from: '2026-01-05', to: '2026-02-02' });
const card = '/account/billing?flow=payment_method_update';

let a: SeededOrg;
let b: SeededOrg;
let report: DeflectionReport;
const of = (category: string): DeflectionFigures => report.categories.find((c) => c.category === category)!;

type AttemptValues = { org?: SeededOrg; category: string; holdout?: boolean; outcome?: string; target?: string; solved?: boolean };

async function attempts(count: number, values: AttemptValues) {
  const org = values.org ?? a;
  const left = values.outcome === 'screen' ? at('2026-01-10T10:00:00') : null;
  await t.db.insert(contactAttempts).values(
    Array.from({ length: count }, () => ({
      id: randomUUID(),
      organizationId: org.organizationId,
      userId: org.userId,
      category: values.category,
      holdout: values.holdout ?? false,
      outcome: values.outcome ?? null,
      outcomeTarget: values.target ?? null,
      solved: values.solved ?? null,
      createdAt: at('2026-01-10T09:55:00'),
      resolvedAt: left,
    })),
  );
}

let ticketNumber = 0;
async function ticket(org: SeededOrg, category: string, createdAt: string, options: { status?: string; auto?: 'pending' | 'dismissed' } = {}) {
  const id = randomUUID();
  await t.db.insert(tickets).values({ id, organizationId: org.organizationId, number: ++ticketNumber, subject: 'Ticket', category, status: options.status ?? 'open', requesterEmail: org.email, createdAt: at(createdAt) });
  if (options.auto) {
    await t.db.insert(ticketMessages).values({
      id: randomUUID(),
      ticketId: id,
      organizationId: org.organizationId,
      authorType: 'auto',
      authorName: 'Deflect',
      body: 'Update your card here.',
      dismissedAt: options.auto === 'dismissed' ? at(createdAt) : null,
      createdAt: at(createdAt),
    });
  }
}

beforeAll(async () => {
  a = await seedOrg(t.db);
  b = await seedOrg(t.db);
  await attempts(12, { category: 'card', holdout: true, outcome: 'ticket' });
  await attempts(18, { category: 'card', holdout: true });
  await attempts(8, { category: 'card', outcome: 'ticket' });
  await attempts(12, { category: 'card' });
  await attempts(3, { category: 'card', outcome: 'screen', target: card, solved: true });
  await attempts(2, { category: 'card', outcome: 'screen', target: card, solved: false });
  await attempts(14, { category: 'card', outcome: 'screen', target: card });
  await attempts(1, { org: b, category: 'card', outcome: 'screen', target: card });
  await ticket(b, 'card', '2026-01-13T10:00:00');
  await ticket(a, 'card', '2026-01-20T10:00:00');
  await ticket(a, 'team', '2026-01-11T10:00:00');
  await ticket(a, 'card', '2026-01-25T10:00:00', { status: 'solved', auto: 'pending' });
  await ticket(a, 'card', '2026-01-25T11:00:00', { auto: 'dismissed' });
  await attempts(1, { category: 'other', holdout: true, outcome: 'ticket' });
  await attempts(1, { category: 'other', outcome: 'ticket' });
  await attempts(1, { category: 'other' });
  await attempts(2, { category: 'other', outcome: 'screen', target: '/account/elsewhere' });
  report = await deflectionReport(t.db, range, cost);
});

describe('the holdout deflection rate, repeat contacts and abandonment', () => {
  it('counts a "Still need help", a same-category ticket within 7 days and a reopened auto-answer as repeat contacts', () => {
    // Failed deflections: 2 "Still need help" + B's card ticket 3 days after leaving = 3; the reopened
    // auto-answer makes 4. Point of contact: 20 left − 3 failed = 17. Auto-answer deflections: 1.
    expect(of('card')).toMatchObject({ repeatContacts: 4, pointOfContactDeflections: 17, autoAnswerDeflections: 1 });
    expect(of('other')).toMatchObject({ repeatContacts: 0, pointOfContactDeflections: 2 });
    expect(report.total).toMatchObject({ repeatContacts: 4, pointOfContactDeflections: 19 });
  });

  it('reports abandoned attempts on their own line, never as deflections', () => {
    // Card: 18 holdout + 12 shown = 30. Other: 1. Total: 31.
    expect(of('card').abandoned).toBe(30);
    expect(of('other').abandoned).toBe(1);
    expect(report.total.abandoned).toBe(31);
  });

  it('takes the holdout’s ticket rate minus the treated one, with Newcombe’s hybrid score interval', () => {
    // Holdout: 12 / 30 = 0.4. Treated: (8 tickets + 3 failed deflections) / 40 = 11 / 40 = 0.275.
    // Deflection rate: 0.4 − 0.275 = 0.125.
    const figures = of('card');
    expect(figures.holdout).toEqual({ attempts: 30, ticketRate: 0.4 });
    expect(figures.treated).toEqual({ attempts: 40, ticketRate: 0.275 });
    expect(figures.deflectionRate).toBeCloseTo(0.125, 10);
    // Wilson, z = 1.959964, z² = 3.841459:
    //   12/30: centre 0.4 + 3.841459/60 = 0.464024; half-width z·√(0.24/30 + 3.841459/3600) = z·√0.009067 = 0.186630;
    //          ÷ (1 + 3.841459/30 = 1.128049) → [0.277394 / 1.128049, 0.650654 / 1.128049] = [0.245906, 0.576796].
    //   11/40: centre 0.275 + 3.841459/80 = 0.323018; half-width z·√(0.199375/40 + 3.841459/6400) = z·√0.005585 = 0.146469;
    //          ÷ (1 + 3.841459/40 = 1.096036) → [0.176549 / 1.096036, 0.469487 / 1.096036] = [0.161080, 0.428350].
    // Newcombe: low  = 0.125 − √((0.4 − 0.245906)² + (0.428350 − 0.275)²) = 0.125 − √(0.023745 + 0.023516) = 0.125 − 0.217396 = −0.092396;
    //           high = 0.125 + √((0.576796 − 0.4)² + (0.275 − 0.161080)²) = 0.125 + √(0.031257 + 0.012978) = 0.125 + 0.210321 = 0.335321.
    const [low, high] = figures.deflectionRateInterval!;
    expect(low).toBeCloseTo(-0.092396, 4);
    expect(high).toBeCloseTo(0.335321, 4);
  });

  it('says "not enough data yet" (null) below 30 attempts on either side, and counts the total over all categories', () => {
    // Other: 1 holdout and 4 treated attempts.
    expect(of('other')).toMatchObject({ holdout: { attempts: 1, ticketRate: 1 }, treated: { attempts: 4, ticketRate: 0.25 }, deflectionRate: null, deflectionRateInterval: null });
    // Total: holdout 13 / 31, treated (9 tickets + 3 failed) / 44 = 12 / 44 → 13/31 − 12/44 = 0.419355 − 0.272727 = 0.146628.
    expect(report.total.holdout).toMatchObject({ attempts: 31 });
    expect(report.total.treated).toMatchObject({ attempts: 44 });
    expect(report.total.deflectionRate).toBeCloseTo(13 / 31 - 12 / 44, 10);
    const [low, high] = report.total.deflectionRateInterval!;
    expect(low).toBeLessThan(report.total.deflectionRate!);
    expect(high).toBeGreaterThan(report.total.deflectionRate!);
  });

  it('writes the interval and the repeat contacts to the CSV', () => {
    const [header, ...rows] = deflectionCsv(report).trim().split('\n');
    const columns = header!.split(',');
    const cardRow = rows.find((r) => r.startsWith('card,'))!.split(',');
    const cell = (name: string) => cardRow[columns.indexOf(name)];
    expect(Number(cell('deflection_rate'))).toBeCloseTo(0.125, 10);
    expect(Number(cell('deflection_rate_low'))).toBeCloseTo(-0.092396, 4);
    expect(cell('repeat_contacts')).toBe('4');
    expect(cell('abandoned')).toBe('30');
  });
});
