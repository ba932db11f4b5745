import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/test-db';
import { auditLog } from '@/platform/actions/schema';
import { auditQuery, listAuditEntries } from './service';

const t = useTestDatabase();

const mine = 'org-mine';
const theirs = 'org-theirs';

/** Rows are appended in this order, so their ids grow in this order; theirs are interleaved with mine. */
const trail = [
  { org: mine, action: 'team.invite', entityType: 'invitation', entityId: 'inv-1' },
  { org: theirs, action: 'team.invite', entityType: 'invitation', entityId: 'their-inv' },
  { org: mine, action: 'account.update_profile', entityType: 'user', entityId: 'u-1' },
  { org: mine, action: 'team.change_role', entityType: 'membership', entityId: 'm-1' },
  { org: theirs, action: 'account.update_profile', entityType: 'user', entityId: 'their-user' },
  { org: mine, action: 'account.update_profile', entityType: 'user', entityId: 'u-2' },
  { org: mine, action: 'team.revoke_invitation', entityType: 'invitation', entityId: 'inv-1' },
];

beforeAll(async () => {
  for (const row of trail) {
    await t.db.insert(auditLog).values({
      organizationId: row.org,
      actorType: 'user',
      actorId: 'actor-1',
      actorEmail: 'actor@example.test',
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: null,
      after: { entityId: row.entityId },
    });
  }
});

const query = (raw: Record<string, unknown> = {}) => auditQuery.parse(raw);

describe('listAuditEntries', () => {
  it("lists the organization's entries newest first, in the public shape", async () => {
    const { entries, nextBefore } = await listAuditEntries(t.db, mine, query());
    expect(entries.map((e) => e.entityId)).toEqual(['inv-1', 'u-2', 'm-1', 'u-1', 'inv-1']);
    expect(entries.map((e) => e.action)[0]).toBe('team.revoke_invitation');
    expect(nextBefore).toBeNull();
    expect(entries[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      action: 'team.revoke_invitation',
      actor: { type: 'user', id: 'actor-1', email: 'actor@example.test', name: null },
      entityType: 'invitation',
      entityId: 'inv-1',
      before: null,
      after: { entityId: 'inv-1' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    const ids = entries.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('pages with nextBefore until the trail is exhausted, without gaps or repeats', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    let before: string | null | undefined;
    do {
      const page = await listAuditEntries(t.db, mine, query({ limit: 2, before: before ?? undefined }));
      pages.push(page.entries.length);
      seen.push(...page.entries.map((e) => e.entityId));
      before = page.nextBefore;
    } while (before);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(['inv-1', 'u-2', 'm-1', 'u-1', 'inv-1']);
  });

  it('answers nextBefore null when the last page is exactly full', async () => {
    const all = await listAuditEntries(t.db, mine, query({ limit: 5 }));
    expect(all.entries).toHaveLength(5);
    expect(all.nextBefore).toBeNull();
    const firstFour = await listAuditEntries(t.db, mine, query({ limit: 4 }));
    expect(firstFour.nextBefore).toBe(firstFour.entries[3]!.id);
  });

  it('filters by entity type', async () => {
    const { entries } = await listAuditEntries(t.db, mine, query({ entityType: 'user' }));
    expect(entries.map((e) => e.entityId)).toEqual(['u-2', 'u-1']);
  });

  it("never returns another organization's entries, even with a cursor pointing at them", async () => {
    const theirsOnly = await listAuditEntries(t.db, theirs, query());
    expect(theirsOnly.entries.map((e) => e.entityId)).toEqual(['their-user', 'their-inv']);

    const mineAll = await listAuditEntries(t.db, mine, query());
    expect(mineAll.entries.map((e) => e.entityId)).not.toContain('their-user');
    const afterTheirNewest = await listAuditEntries(t.db, mine, query({ before: Number(theirsOnly.entries[0]!.id) }));
    expect(afterTheirNewest.entries.map((e) => e.entityId)).toEqual(['m-1', 'u-1', 'inv-1']);
    expect((await listAuditEntries(t.db, 'org-nobody', query())).entries).toEqual([]);
  });

  it('parses query-string values and bounds the page size', () => {
    expect(auditQuery.parse({ limit: '10', before: '42' })).toEqual({ limit: 10, before: 42 });
    expect(auditQuery.parse({}).limit).toBe(50);
    expect(auditQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(auditQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
