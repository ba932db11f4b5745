import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { auditLog } from '@/platform/actions/schema';
import { AppError } from '@/platform/http/errors';
import { parseInput } from '@/platform/http/validation';
import { organization } from '@/platform/tenancy/schema';
import { stripeEvent } from '@/modules/stripe-sync/schema';
import { usageAlert } from '@/modules/usage/schema';
import { customerTimeline, timelineQuery, type TimelineEntry } from './service';

const t = useTestDatabase();

let mine: string;
let theirs: string;
const CUSTOMER = 'cus_timeline_mine';

/** Times with microseconds, several shared by entries of every source; two inside one millisecond. */
const T = {
  early: '2026-11-01T10:00:00.000000Z',
  tie: '2026-11-02T10:00:00.000000Z',
  sameMsA: '2026-11-03T10:00:00.123456Z',
  sameMsB: '2026-11-03T10:00:00.123789Z',
  late: '2026-11-04T10:00:00.000000Z',
};

async function audit(organizationId: string, at: string, n: number, extra: Partial<typeof auditLog.$inferInsert> = {}) {
  await t.db.insert(auditLog).values({ organizationId, actorType: 'user', actorId: 'u', actorEmail: 'owner@mine.example', action: 'team.invite', entityType: 'invitation', entityId: `inv-${n}`, after: { email: `invitee-${n}@mine.example` }, createdAt: sql`${at}::timestamptz`, ...extra });
}

async function event(id: string, customer: string, at: string, status = 'processed') {
  await t.db.insert(stripeEvent).values({
    id,
    type: 'invoice.paid',
    payload: { id, object: 'event', type: 'invoice.paid', data: { object: { id: `in_${id}`, object: 'invoice', customer } } },
    status,
    attempts: status === 'failed' ? 3 : 1,
    lastError: status === 'failed' ? 'upstream_unavailable: Stripe did not answer.' : null,
    stripeCreatedAt: new Date(at),
    receivedAt: sql`${at}::timestamptz`,
  });
}

async function alert(organizationId: string, at: string, threshold: number, meter = 'api_calls') {
  await t.db.insert(usageAlert).values({ organizationId, meter, periodStart: '2026-11-01', threshold, limitValue: 10_000, createdAt: sql`${at}::timestamptz` });
}

async function allPages(query: Record<string, unknown>): Promise<{ entries: TimelineEntry[]; pages: number }> {
  const entries: TimelineEntry[] = [];
  let before: string | undefined;
  let pages = 0;
  do {
    const page = await customerTimeline(t.db, mine, parseInput(timelineQuery, { ...query, ...(before ? { before } : {}) }));
    entries.push(...page.entries);
    before = page.nextBefore ?? undefined;
    pages++;
  } while (before && pages < 100);
  return { entries, pages };
}

beforeAll(async () => {
  mine = (await seedOrg(t.db)).organizationId;
  theirs = (await seedOrg(t.db)).organizationId;
  await t.db.update(organization).set({ stripeCustomerId: CUSTOMER }).where(sql`${organization.id} = ${mine}`);
  let n = 0;
  // 12 audit rows at one time, 6 stripe events and 2 alerts at that same time: a tie across pages.
  for (let i = 0; i < 12; i++) await audit(mine, T.tie, n++);
  for (let i = 0; i < 6; i++) await event(`evt_tie_${i}`, CUSTOMER, T.tie, i === 0 ? 'failed' : 'processed');
  await alert(mine, T.tie, 80);
  await alert(mine, T.tie, 100);
  await audit(mine, T.early, n++);
  await event('evt_early', CUSTOMER, T.early);
  await audit(mine, T.sameMsA, n++);
  await audit(mine, T.sameMsB, n++);
  await event('evt_same_ms', CUSTOMER, T.sameMsA);
  await audit(mine, T.late, n++, { actorType: 'staff', actorId: 'staff-1', actorEmail: 'agent@vendor.example', action: 'staff.invoices.mark_paid', entityType: 'invoice', entityId: 'inv_123456789', after: { status: 'paid' } });
  await alert(mine, T.late, 80, 'storage_gb');
  // Someone else's: never on my timeline.
  await audit(theirs, T.tie, n++);
  await alert(theirs, T.tie, 80);
  await event('evt_theirs', 'cus_someone_else', T.tie);
});

const TOTAL = 12 + 6 + 2 + 2 + 3 + 1 + 1;

describe('customerTimeline', () => {
  it('merges every source newest first, and pages through each entry exactly once, ties included', async () => {
    const whole = await customerTimeline(t.db, mine, parseInput(timelineQuery, { limit: 100 }));
    expect(whole.entries).toHaveLength(TOTAL);
    expect(whole.nextBefore).toBeNull();
    const times = whole.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    for (const limit of [1, 4, 7, 11]) {
      const { entries, pages } = await allPages({ limit });
      expect(entries.map((e) => e.id)).toEqual(whole.entries.map((e) => e.id));
      expect(pages).toBe(Math.ceil(TOTAL / limit));
    }
  });

  it('keeps apart two entries within one millisecond', async () => {
    const { entries } = await allPages({ limit: 2 });
    const audits = entries.filter((e) => e.at.startsWith('2026-11-03')).map((e) => e.kind);
    expect(audits.sort()).toEqual(['audit', 'audit', 'billing']);
  });

  it('shows each kind in its own words: staff as Support, a failed Stripe event with its state, a usage threshold', async () => {
    const { entries } = await customerTimeline(t.db, mine, parseInput(timelineQuery, { limit: 2 }));
    // Both at the latest time: the tie goes by source name, usage-alerts before audit.
    expect(entries[1]).toMatchObject({ kind: 'audit', actor: { type: 'staff', label: 'Support (agent@vendor.example)' }, summary: 'staff.invoices.mark_paid · invoice inv_1234', ref: { type: 'audit_entry' } });
    expect(entries[0]).toMatchObject({ kind: 'usage', actor: null, summary: 'Storage reached 80 % of the limit (10,000 GB) in the period starting 1 Nov 2026' });
    const billing = (await allPages({ kinds: 'billing', limit: 100 })).entries;
    expect(billing.find((e) => e.ref.id === 'evt_tie_0')).toMatchObject({
      status: 'failed',
      actor: { label: 'Stripe' },
      summary: 'invoice.paid · failed after 3 attempts: upstream_unavailable: Stripe did not answer.',
    });
  });

  it('filters by kind, across pages too', async () => {
    const billing = await allPages({ kinds: 'billing', limit: 3 });
    expect(billing.entries.map((e) => e.ref.id).sort()).toEqual(['evt_early', 'evt_same_ms', ...Array.from({ length: 6 }, (_, i) => `evt_tie_${i}`)].sort());
    const usageAndAudit = await allPages({ kinds: 'usage,audit', limit: 5 });
    expect(usageAndAudit.entries).toHaveLength(TOTAL - 8);
    expect(new Set(usageAndAudit.entries.map((e) => e.kind))).toEqual(new Set(['usage', 'audit']));
    expect((await allPages({ kinds: 'ticket' })).entries).toEqual([]);
  });

  it('lists no Stripe events for an organization without a Stripe customer', async () => {
    const page = await customerTimeline(t.db, theirs, parseInput(timelineQuery, {}));
    expect(page.entries.map((e) => e.kind).sort()).toEqual(['audit', 'usage']);
  });

  it('answers not found for an organization that does not exist', async () => {
    await expect(customerTimeline(t.db, 'no-such-org', parseInput(timelineQuery, {}))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a cursor it did not hand out, an unknown kind and a limit out of range', () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 'audit', '1'])).toString('base64url');
    for (const raw of [{ before: 'garbage' }, { before: forged }, { before: 'x'.repeat(10_000) }, { kinds: 'audit,tickets' }, { limit: '0' }, { limit: '101' }]) {
      expect(() => parseInput(timelineQuery, raw)).toThrow(AppError);
    }
  });
});
