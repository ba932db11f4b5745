import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { auditLog } from '@/platform/actions/schema';
import { AppError } from '@/platform/http/errors';
import { parseInput } from '@/platform/http/validation';
import { listStaffAuditEntries, staffAuditQuery } from './service';

const t = useTestDatabase();
let acme: string;
let globex: string;

const list = (raw: Record<string, unknown> = {}) => listStaffAuditEntries(t.db, parseInput(staffAuditQuery, raw));
const entityIds = async (raw: Record<string, unknown>) => (await list({ limit: 100, ...raw })).entries.map((e) => e.entityId);

beforeAll(async () => {
  acme = (await seedOrg(t.db, { name: 'Acme' })).organizationId;
  globex = (await seedOrg(t.db, { name: 'Globex' })).organizationId;
  const rows: [string | null, string, string, string][] = [
    [acme, 'user', 'team.invite', 'a-user'],
    [acme, 'api_key', 'usage.ingest', 'a-key'],
    [globex, 'staff', 'staff.invoices.mark_paid', 'g-staff'],
    [acme, 'host', 'host.upsert_organization', 'a-host'],
    [null, 'system', 'system.stripe_sync', 'no-org'],
    [globex, 'user', 'team.invite', 'g-user'],
  ];
  for (const [organizationId, actorType, action, entityId] of rows) {
    await t.db.insert(auditLog).values({ organizationId, actorType, actorId: null, actorEmail: null, action, entityType: 'thing', entityId, before: { status: 'open' }, after: { status: 'paid' } });
  }
});

describe('listStaffAuditEntries', () => {
  it('lists every organization’s entries newest first, each with its organization', async () => {
    const { entries, nextBefore } = await list();
    expect(entries.map((e) => e.entityId)).toEqual(['g-user', 'no-org', 'a-host', 'g-staff', 'a-key', 'a-user']);
    expect(nextBefore).toBeNull();
    expect(entries[0]).toMatchObject({ organization: { id: globex, name: 'Globex' }, action: 'team.invite', before: { status: 'open' }, after: { status: 'paid' } });
    expect(entries[1]!.organization).toBeNull();
  });

  it('filters by who acted: a customer is a member or an API key', async () => {
    expect(await entityIds({ actorType: 'customer' })).toEqual(['g-user', 'a-key', 'a-user']);
    expect(await entityIds({ actorType: 'staff' })).toEqual(['g-staff']);
    expect(await entityIds({ actorType: 'host' })).toEqual(['a-host']);
    expect(await entityIds({ actorType: 'system' })).toEqual(['no-org']);
  });

  it('filters by organization and by action, together too', async () => {
    expect(await entityIds({ organizationId: acme })).toEqual(['a-host', 'a-key', 'a-user']);
    expect(await entityIds({ action: 'team.invite' })).toEqual(['g-user', 'a-user']);
    expect(await entityIds({ action: 'team.invite', organizationId: globex, actorType: 'customer' })).toEqual(['g-user']);
    expect(await entityIds({ organizationId: 'nobody' })).toEqual([]);
  });

  it('pages with nextBefore, filters kept', async () => {
    const first = await list({ actorType: 'customer', limit: 2 });
    expect(first.entries.map((e) => e.entityId)).toEqual(['g-user', 'a-key']);
    const second = await list({ actorType: 'customer', limit: 2, before: first.nextBefore });
    expect(second.entries.map((e) => e.entityId)).toEqual(['a-user']);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses an unknown actor type, control characters and overlong values', () => {
    for (const raw of [{ actorType: 'robot' }, { action: 'team.\u0000invite' }, { organizationId: 'x'.repeat(101) }, { before: 'soon' }]) {
      expect(() => parseInput(staffAuditQuery, raw)).toThrow(AppError);
    }
  });
});
