import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { outbox } from '@/platform/actions/schema';
import { deliveries } from '@/platform/jobs/schema';
import { parseInput } from '@/platform/http/validation';
import { webhookEndpoint } from '@/modules/webhooks/schema';
import { customerTimeline, timelineQuery, type TimelineEntry } from './service';

const t = useTestDatabase();
const TIE = '2026-11-02T10:00:00.000000Z';
const LATER = '2026-11-03T10:00:00.000000Z';

let mine: string;
let theirs: string;

async function event(organizationId: string, type: string): Promise<number> {
  const [row] = await t.db.insert(outbox).values({ organizationId, type, payload: {}, deliveredAt: new Date() }).returning({ id: outbox.id });
  return row!.id;
}

async function delivery(organizationId: string, eventId: number, channel: string, target: string, status: string, attempts: number, at = TIE) {
  await t.db.insert(deliveries).values({ eventId, organizationId, channel, target, status, attempts, createdAt: sql`${at}::timestamptz` });
}

async function allPages(kinds: string, limit: number): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let before: string | undefined;
  do {
    const page = await customerTimeline(t.db, mine, parseInput(timelineQuery, { kinds, limit, ...(before ? { before } : {}) }));
    entries.push(...page.entries);
    before = page.nextBefore ?? undefined;
  } while (before);
  return entries;
}

beforeAll(async () => {
  mine = (await seedOrg(t.db)).organizationId;
  theirs = (await seedOrg(t.db)).organizationId;
  await t.db.insert(webhookEndpoint).values({ id: 'ep-1', url: 'https://hook:pw@host.example/hooks?token=abc', events: ['*'], secretSealed: 'v1.sealed' });
  const removed = await event(mine, 'team.member_removed');
  await delivery(mine, removed, 'webhook', 'ep-1', 'delivered', 2, LATER);
  await delivery(mine, removed, 'webhook', 'ep-gone', 'failed', 11, LATER);
  await delivery(mine, removed, 'email', 'member@mine.example', 'failed', 3, LATER);
  await delivery(mine, removed, 'slack', 'rule-7', 'delivered', 1, LATER);
  const changed = await event(mine, 'billing.details_changed');
  await delivery(mine, changed, 'in_app', 'user-123', 'pending', 0, LATER);
  // Seven of each kind at one time: a tie across pages.
  for (let i = 0; i < 7; i++) {
    const id = await event(mine, 'invoice.issued');
    await delivery(mine, id, 'webhook', 'ep-1', 'delivered', 1);
    await delivery(mine, id, 'email', `owner${i}@mine.example`, 'delivered', 1);
  }
  const someoneElse = await event(theirs, 'team.member_removed');
  await delivery(theirs, someoneElse, 'webhook', 'ep-1', 'delivered', 1, LATER);
  await delivery(theirs, someoneElse, 'email', 'them@theirs.example', 'delivered', 1, LATER);
});

describe('the customer timeline’s deliveries', () => {
  it('shows each webhook delivery with its endpoint, without credentials or query, and how it went', async () => {
    const entries = (await customerTimeline(t.db, mine, parseInput(timelineQuery, { kinds: 'webhook', limit: 2 }))).entries;
    expect(entries.map((e) => e.summary).toSorted()).toEqual(['Webhook team.member_removed → a deleted endpoint: failed (11 attempts)', 'Webhook team.member_removed → https://host.example/hooks: delivered (2 attempts)']);
    expect(entries.map((e) => e.status).toSorted()).toEqual(['delivered', 'failed']);
    expect(entries.every((e) => e.kind === 'webhook' && e.ref.type === 'webhook_delivery' && e.at === '2026-11-03T10:00:00.000Z')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/pw|token|abc/);
  });

  it('shows the other channels as notifications, an email address but never another target', async () => {
    const entries = (await customerTimeline(t.db, mine, parseInput(timelineQuery, { kinds: 'notification', limit: 3 }))).entries;
    expect(entries.map((e) => e.summary).toSorted()).toEqual([
      'Email team.member_removed → member@mine.example: failed (3 attempts)',
      'In-app notification billing.details_changed: pending (0 attempts)',
      'Slack team.member_removed: delivered (1 attempt)',
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/rule-7|user-123/);
  });

  it('pages through every delivery of the organization once, ties included, and none of another organization', async () => {
    for (const limit of [1, 3, 4]) {
      const entries = await allPages('webhook,notification', limit);
      expect(entries).toHaveLength(5 + 14);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      expect(JSON.stringify(entries)).not.toContain('theirs.example');
    }
  });
});
