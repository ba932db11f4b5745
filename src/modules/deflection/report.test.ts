import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase, type SeededOrg } from '../../../tests/support/test-db';
import { helpArticles } from '@/modules/help/schema';
import { inboxAudits, inboxAuditTickets } from '@/modules/inbox-audit/schema';
import { sectionRollouts } from '@/modules/rollout/schema';
import { contactAttempts, ticketMessages, tickets } from '@/modules/support/schema';
import { auditLog } from '@/platform/actions/schema';
import { organization } from '@/platform/tenancy/schema';
import { deflectionCsv, deflectionRangeInput, deflectionReport, type DeflectionFigures, type DeflectionReport } from './service';

// The dashboard's figures over a fixture whose every number is worked out by hand below.
//
// Range [2026-01-05, 2026-03-02): 8 weeks, w0 = 5–12 Jan … w7 = 23 Feb–2 Mar.
// Organizations: A–D created before the range, E created 16 Feb (the start of w6). Organizations made
// for other tests are created now (after the range) and add no organization-weeks.
// Launches: billing and team on 2 Feb (the start of w4), api-keys on 23 Feb (w7), invoices on 1 Apr
// (after the range), usage has a row with no launch; every other section has no row.
//   Organization-weeks before 2 Feb: 4 orgs × 4 weeks = 16; from 2 Feb: 4 × 4 + E × 2 = 18;
//   the whole range: 4 × 8 + 2 = 34.
// The total splits at the first launch, 2 Feb, too.
// A support hour costs 40.50 eur (4050 cents).

const t = useTestDatabase();
const cost = { perHour: 4050n, currency: 'eur' };
const at = (iso: string) => new Date(`${iso}Z`);
const hours = (start: string, h: number) => new Date(at(start).getTime() + h * 3600_000);

let orgs: SeededOrg[];
let report: DeflectionReport;
const of = (category: string): DeflectionFigures => report.categories.find((c) => c.category === category)!;

async function audit(id: string, status: string, createdAt: string, rows: { externalId: string; category: string; createdAt: string; resolvedHours: number | null }[]) {
  await t.db.insert(inboxAudits).values({ id, label: id, status, createdAt: at(createdAt) });
  await t.db.insert(inboxAuditTickets).values(
    rows.map((row, i) => ({
      auditId: id,
      externalId: row.externalId,
      line: i + 2,
      category: row.category,
      confidence: 0.9,
      createdAt: at(row.createdAt),
      closedAt: row.resolvedHours === null ? null : hours(row.createdAt, row.resolvedHours),
    })),
  );
}

let ticketNumber = 0;
/** A portal or host ticket of organization A (or the one given), with the messages of its thread. */
async function ticket(category: string | null, createdAt: string, options: { source?: string; status?: string; org?: number; messages?: { type: string; internal?: boolean; dismissed?: boolean }[] } = {}) {
  const id = randomUUID();
  const owner = orgs[options.org ?? 0]!;
  await t.db.insert(tickets).values({
    id,
    organizationId: owner.organizationId,
    number: ++ticketNumber,
    subject: `Ticket ${ticketNumber}`,
    category,
    status: options.status ?? 'open',
    requesterEmail: owner.email,
    source: options.source ?? 'portal',
    createdAt: at(createdAt),
  });
  for (const [i, m] of (options.messages ?? []).entries()) {
    await t.db.insert(ticketMessages).values({
      id: randomUUID(),
      ticketId: id,
      organizationId: owner.organizationId,
      authorType: m.type,
      authorName: m.type,
      body: 'message',
      internal: m.internal ?? false,
      dismissedAt: m.dismissed ? hours(createdAt, 1) : null,
      createdAt: hours(createdAt, i / 60),
    });
  }
}

async function attempt(values: { category: string | null; createdAt: string; holdout?: boolean; outcome?: string; target?: string; solved?: boolean }) {
  await t.db.insert(contactAttempts).values({
    id: randomUUID(),
    organizationId: orgs[0]!.organizationId,
    userId: orgs[0]!.userId,
    category: values.category,
    holdout: values.holdout ?? false,
    outcome: values.outcome ?? null,
    outcomeTarget: values.target ?? null,
    solved: values.solved ?? null,
    createdAt: at(values.createdAt),
  });
}

async function audited(action: string, actorType: string, createdAt: string) {
  await t.db.insert(auditLog).values({ organizationId: orgs[0]!.organizationId, actorType, action, entityType: 'test', entityId: randomUUID(), createdAt: at(createdAt) });
}

const card = '/account/billing?flow=payment_method_update';
const range = deflectionRangeInput.parse({ from: '2026-01-05', to: '2026-03-02' });

beforeAll(async () => {
  orgs = [];
  for (let i = 0; i < 5; i++) orgs.push(await seedOrg(t.db));
  await t.db.update(organization).set({ createdAt: at('2025-12-01T00:00:00') }).where(inArray(organization.id, orgs.slice(0, 4).map((o) => o.organizationId)));
  await t.db.update(organization).set({ createdAt: at('2026-02-16T00:00:00') }).where(inArray(organization.id, [orgs[4]!.organizationId]));

  await t.db.insert(sectionRollouts).values([
    { section: 'billing', mode: 'on', launchedAt: at('2026-02-02T00:00:00') },
    { section: 'team', mode: 'on', launchedAt: at('2026-02-02T00:00:00') },
    { section: 'api-keys', mode: 'on', launchedAt: at('2026-02-23T00:00:00') },
    { section: 'invoices', mode: 'on', launchedAt: at('2026-04-01T00:00:00') },
    { section: 'usage', mode: 'off', launchedAt: null },
  ]);

  // Imported tickets. Q4: card c01–c11 in w0–w3 (c01–c06 closed after 1 h, c07–c11 after 3 h), c12
  // (3 h), c13 before the range (5 h), "foo" (an unknown category: other) in w1, never closed.
  const q4 = [
    ...['c01', 'c02', 'c03'].map((id) => ({ externalId: id, category: 'card', createdAt: '2026-01-06T10:00:00', resolvedHours: 1 })),
    ...['c04', 'c05', 'c06'].map((id) => ({ externalId: id, category: 'card', createdAt: '2026-01-13T10:00:00', resolvedHours: 1 })),
    ...['c07', 'c08', 'c09'].map((id) => ({ externalId: id, category: 'card', createdAt: '2026-01-20T10:00:00', resolvedHours: 3 })),
    ...['c10', 'c11', 'c12'].map((id) => ({ externalId: id, category: 'card', createdAt: '2026-01-27T10:00:00', resolvedHours: 3 })),
    { externalId: 'c13', category: 'card', createdAt: '2025-11-03T10:00:00', resolvedHours: 5 },
    { externalId: 'foo', category: 'foo', createdAt: '2026-01-14T10:00:00', resolvedHours: null },
  ];
  await audit('q4', 'ready', '2026-03-10T00:00:00', q4);
  // A newer run holding c01–c03 again (each counted once) and c12 corrected to billing_details (the newer copy wins).
  await audit('q1', 'ready', '2026-03-20T00:00:00', [...q4.slice(0, 3), { ...q4[11]!, category: 'billing_details' }]);
  // A failed import counts for nothing.
  await audit('broken', 'failed', '2026-03-21T00:00:00', ['c20', 'c21', 'c22', 'c23', 'c24'].map((id) => ({ externalId: id, category: 'card', createdAt: '2026-01-08T10:00:00', resolvedHours: 8 })));

  // Portal and host tickets.
  await ticket('card', '2026-01-29T09:00:00');
  await ticket('card', '2026-01-30T09:00:00', { source: 'host' });
  // w4: solved from the auto-answer, no staff reply: an auto-answer deflection.
  await ticket('card', '2026-02-03T09:00:00', { status: 'solved', messages: [{ type: 'customer' }, { type: 'auto' }] });
  // w5: solved, but a staff member replied: not one. Organization B's, so no repeat contact of A's card attempts.
  await ticket('card', '2026-02-10T09:00:00', { status: 'solved', org: 1, messages: [{ type: 'customer' }, { type: 'auto' }, { type: 'staff' }] });
  // w6: the auto-answer still pending, not solved: not one.
  await ticket('card', '2026-02-17T09:00:00', { status: 'waiting_on_customer', messages: [{ type: 'customer' }, { type: 'auto' }] });
  // w6: solved with only an internal staff note: an auto-answer deflection.
  await ticket('billing_details', '2026-02-18T09:00:00', { status: 'solved', messages: [{ type: 'customer' }, { type: 'auto' }, { type: 'staff', internal: true }] });
  await ticket('team', '2026-02-11T09:00:00');
  await ticket(null, '2026-02-20T09:00:00', { source: 'host' });
  // Outside the range: not counted.
  await ticket('card', '2026-03-02T00:00:00');
  await ticket('card', '2026-01-04T23:59:59');

  // Contact attempts.
  const billingArticle = randomUUID();
  await t.db.insert(helpArticles).values({ id: billingArticle, section: 'billing', slug: 'vat', title: 'VAT', body: 'VAT' });
  await attempt({ category: 'card', createdAt: '2026-02-05T10:00:00', outcome: 'screen', target: card }); // card, point of contact
  await attempt({ category: 'charge', createdAt: '2026-02-05T10:00:00', outcome: 'screen', target: card }); // card by its target, point of contact
  await attempt({ category: 'card', createdAt: '2026-02-05T10:00:00', outcome: 'screen', target: card, solved: false }); // card, "did not solve it"
  await attempt({ category: 'plan_change', createdAt: '2026-02-05T10:00:00', outcome: 'article', target: billingArticle }); // plan_change: its own category is in billing
  await attempt({ category: 'team', createdAt: '2026-02-05T10:00:00', outcome: 'article', target: billingArticle }); // card: the first category in billing
  await attempt({ category: null, createdAt: '2026-02-05T10:00:00', outcome: 'screen', target: '/account/elsewhere' }); // other, point of contact
  await attempt({ category: 'card', createdAt: '2026-02-05T10:00:00', outcome: 'ticket' }); // card, treated, ended in a ticket
  await attempt({ category: 'card', createdAt: '2026-02-05T10:00:00', holdout: true, outcome: 'ticket' }); // card, holdout, ticket
  await attempt({ category: 'card', createdAt: '2026-02-05T10:00:00', holdout: true }); // card, holdout, abandoned
  await attempt({ category: 'card', createdAt: '2026-01-01T10:00:00', outcome: 'screen', target: card }); // before the range

  // Audit rows: billing.open_portal counts for card and plan_change alike; staff rows and rows out of range do not count.
  await audited('billing.open_portal', 'user', '2026-02-06T10:00:00');
  await audited('billing.update_details', 'user', '2026-02-06T10:00:00');
  await audited('billing.update_details', 'user', '2026-02-07T10:00:00');
  await audited('billing.update_details', 'staff', '2026-02-07T10:00:00');
  await audited('team.invite', 'user', '2026-02-08T10:00:00');
  await audited('team.invite', 'user', '2026-03-05T10:00:00');
  await audited('team.remove_member', 'host', '2026-02-08T10:00:00');

  report = await deflectionReport(t.db, range, cost);
});

describe('deflection figures over stored rows', () => {
  it('counts tickets before and after a launch per week per 100 organizations, and the deflection rate', () => {
    // Card: before 2 Feb c01–c11 (11, c12 moved to billing_details) + 2 portal/host tickets = 13;
    // after: 3 tickets (w4, w5, w6).
    // Per week per 100 organizations: 13 × 100 / 16 = 81.25; 3 × 100 / 18 = 16.667.
    // Fall since launch: (81.25 − 16.667) / 81.25 = 31/39 = 0.7949 (13 ≥ 10 tickets, 4 weeks each side).
    expect(of('card')).toMatchObject({
      screen: card,
      launchedAt: '2026-02-02T00:00:00.000Z',
      ticketsBefore: 13,
      ticketsAfter: 3,
      weeksBefore: 4,
      weeksAfter: 4,
      ticketsPerWeekBefore: 81.25,
    });
    expect(of('card').ticketsPerWeekAfter).toBeCloseTo(300 / 18, 10);
    expect(of('card').beforeAfterRate).toBeCloseTo(31 / 39, 10);
  });

  it('leaves the deflection rate unknown below the minimum tickets or weeks, and a side with no weeks null', () => {
    // billing_details: 1 ticket before (c12): 1 × 100 / 16 = 6.25; 1 after: 100 / 18. Too few tickets.
    expect(of('billing_details')).toMatchObject({ ticketsBefore: 1, ticketsAfter: 1, ticketsPerWeekBefore: 6.25, beforeAfterRate: null });
    expect(of('billing_details').ticketsPerWeekAfter).toBeCloseTo(100 / 18, 10);
    // team: 0 before (0 / 16 = 0), 1 after (100 / 18).
    expect(of('team')).toMatchObject({ ticketsBefore: 0, ticketsAfter: 1, ticketsPerWeekBefore: 0, beforeAfterRate: null });
    // api_keys launched 23 Feb: 7 weeks before, 1 after (below the 4 weeks).
    expect(of('api_keys')).toMatchObject({ launchedAt: '2026-02-23T00:00:00.000Z', weeksBefore: 7, weeksAfter: 1, ticketsPerWeekBefore: 0, ticketsPerWeekAfter: 0, beforeAfterRate: null });
    // invoices launches after the range: all of it is before; usage has no launch, nor has other.
    expect(of('invoices')).toMatchObject({ launchedAt: '2026-04-01T00:00:00.000Z', weeksBefore: 8, weeksAfter: 0, ticketsPerWeekAfter: null });
    expect(of('charge')).toMatchObject({ launchedAt: null, ticketsPerWeekAfter: null, beforeAfterRate: null });
    // other: the unknown "foo" and the host ticket without a category: 2 × 100 / 34 over the whole range.
    expect(of('other')).toMatchObject({ screen: null, launchedAt: null, ticketsBefore: 2, ticketsAfter: 0, weeksBefore: 8, ticketsPerWeekAfter: null });
    expect(of('other').ticketsPerWeekBefore).toBeCloseTo(200 / 34, 10);
  });

  it('totals every ticket once, split at the first launch', () => {
    // Before 2 Feb: 11 card + c12 + 2 card + foo = 15 → 15 × 100 / 16 = 93.75.
    // After: 3 card + billing_details + team + the host ticket = 6 → 600 / 18 = 33.333.
    // Rate: (93.75 − 33.333) / 93.75 = 29/45.
    expect(report.total).toMatchObject({ category: 'total', launchedAt: '2026-02-02T00:00:00.000Z', ticketsBefore: 15, ticketsAfter: 6, ticketsPerWeekBefore: 93.75 });
    expect(report.total.ticketsPerWeekAfter).toBeCloseTo(600 / 18, 10);
    expect(report.total.beforeAfterRate).toBeCloseTo(29 / 45, 10);
    expect(report.hasData).toBe(true);
  });

  it('charts tickets per week per 100 organizations', () => {
    // Card per week: 3, 3, 3, 2 + 2, 1, 1, 1, 0; organization-weeks 4 a week, 5 from w6 (E).
    expect(of('card').weekly.map((w) => w.tickets)).toEqual([3, 3, 3, 4, 1, 1, 1, 0]);
    expect(of('card').weekly.map((w) => w.ticketsPerWeek)).toEqual([75, 75, 75, 100, 25, 25, 20, 0]);
    expect(of('card').weekly[6]!.start).toBe('2026-02-16T00:00:00.000Z');
    // The total: w1 adds foo, w3 c12, w5 the team ticket, w6 billing_details and the host ticket.
    expect(report.total.weekly.map((w) => w.tickets)).toEqual([3, 4, 3, 5, 1, 2, 3, 0]);
  });

  it('counts point-of-contact and auto-answer deflections, self-service completions, holdout and treated attempts', () => {
    // Card: left for its screen (2, one from a "charge" attempt), for a billing article from a team attempt (1);
    // the "did not solve it" attempt is not one. Auto-answer: the w4 ticket.
    // Holdout: 2 attempts, 1 ticket → 0.5. Treated: 5 attempts (2 screen, "not solved", article, ticket); the ticket
    // and the "not solved" repeat contact → 2 / 5 = 0.4. Fewer than 30 attempts a side: no deflection rate.
    expect(of('card')).toMatchObject({ pointOfContactDeflections: 3, autoAnswerDeflections: 1, selfServiceCompletions: 1, holdout: { attempts: 2, ticketRate: 0.5 }, treated: { attempts: 5, ticketRate: 0.4 }, abandoned: 1, deflectionRate: null, deflectionRateInterval: null, repeatContacts: 1 });
    expect(of('plan_change')).toMatchObject({ pointOfContactDeflections: 1, selfServiceCompletions: 1, treated: { attempts: 1, ticketRate: 0 }, holdout: { attempts: 0, ticketRate: null } });
    expect(of('billing_details')).toMatchObject({ pointOfContactDeflections: 0, autoAnswerDeflections: 1, selfServiceCompletions: 2 });
    expect(of('team')).toMatchObject({ pointOfContactDeflections: 0, selfServiceCompletions: 1, treated: { attempts: 0, ticketRate: null } });
    expect(of('other')).toMatchObject({ pointOfContactDeflections: 1, treated: { attempts: 1, ticketRate: 0 } });
    // The one billing.open_portal row counts once in the total: 1 + 2 + 1 = 4. Treated: 7 attempts, 1 ticket + 1 repeat contact.
    expect(report.total).toMatchObject({ pointOfContactDeflections: 5, autoAnswerDeflections: 2, selfServiceCompletions: 4, holdout: { attempts: 2, ticketRate: 0.5 }, abandoned: 1 });
    expect(report.total.treated.attempts).toBe(7);
    expect(report.total.treated.ticketRate).toBeCloseTo(2 / 7, 10);
    expect(report.total.repeatContacts).toBe(1);
  });

  it('values deflections at the median resolution hours of the category’s imported tickets', () => {
    // Card's imported tickets, all time, once each: c01–c06 1 h, c07–c11 3 h, c13 5 h → the median of
    // 12 values is (1 + 3) / 2 = 2 h. (3 + 1) deflections × 2 h = 8 h; 8 × 4050 = 32400 cents.
    expect(of('card')).toMatchObject({ medianResolutionHours: 2, hoursSaved: 8, moneySaved: 32400, currency: 'eur' });
    // billing_details: c12 alone, 3 h; 1 deflection → 3 h, 12150 cents.
    expect(of('billing_details')).toMatchObject({ medianResolutionHours: 3, hoursSaved: 3, moneySaved: 12150 });
    // plan_change and other have deflections but no closed imported ticket: unknown. Team has none: 0.
    expect(of('plan_change')).toMatchObject({ medianResolutionHours: null, hoursSaved: null, moneySaved: null });
    expect(of('other')).toMatchObject({ hoursSaved: null, moneySaved: null });
    expect(of('team')).toMatchObject({ hoursSaved: 0, moneySaved: 0 });
    // The total adds the categories up: 8 + 3 = 11 h, 44550 cents.
    expect(report.total).toMatchObject({ hoursSaved: 11, moneySaved: 44550 });
  });

  it('writes one CSV row per category and the total, empty cells for unknown figures', () => {
    const lines = deflectionCsv(report).trim().split('\n');
    expect(lines).toHaveLength(report.categories.length + 2);
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['category', 'label', 'screen', 'launched_at']);
    const cardLine = lines.find((l) => l.startsWith('card,'))!;
    expect(cardLine).toContain(',81.25,');
    expect(lines.at(-1)).toMatch(/^total,All categories,,2026-02-02T00:00:00.000Z,15,6,/);
  });

  it('answers an empty range with nothing counted', async () => {
    const empty = await deflectionReport(t.db, deflectionRangeInput.parse({ from: '2020-01-01', to: '2020-02-01' }), cost);
    expect(empty.hasData).toBe(false);
    expect(empty.total).toMatchObject({ ticketsBefore: 0, ticketsPerWeekBefore: null, beforeAfterRate: null, deflectionRate: null, hoursSaved: 0, moneySaved: 0 });
    expect(empty.total.weekly).toHaveLength(5);
  });
});

describe('the range', () => {
  it('defaults to the last 90 days, today included, and refuses a reversed, empty or too long range', () => {
    const { from, to } = deflectionRangeInput.parse({});
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(90);
    expect(to.getTime()).toBeGreaterThan(Date.now());
    for (const asked of [{ from: '2026-02-01', to: '2026-01-01' }, { from: '2026-01-01', to: '2026-01-01' }, { from: '2023-01-01', to: '2026-01-01' }, { from: '2026-13-01' }, { to: 'yesterday' }]) {
      expect(deflectionRangeInput.safeParse(asked).success, JSON.stringify(asked)).toBe(false);
    }
  });
});
