import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roles } from '@config/permissions';
import { auditLog } from '@/platform/actions/schema';
import { account } from '@/platform/auth/schema';
import { membership, organization } from '@/platform/tenancy/schema';
import { useTestDatabase } from '../../../tests/support/test-db';
import { currentUsageAlerts, usageOverview, usageSeries } from '@/modules/usage/service';
import { removeDemoData, seedDemoData, seedIfEmpty } from './service';

describe('demo data', () => {
  const database = useTestDatabase();

  it('seeds an empty database with three customers on every plan, one on a contract, and every role', async () => {
    expect(await seedIfEmpty(database.db, true)).toBe(true);
    const orgs = await database.db.select().from(organization);
    expect(orgs.map((o) => o.plan).sort()).toEqual(['enterprise', 'free', 'pro']);
    expect(orgs.filter((o) => o.billing === 'contract')).toHaveLength(1);
    const seen = new Set((await database.db.select({ role: membership.role }).from(membership)).map((m) => m.role));
    expect([...seen].sort()).toEqual([...roles].sort());
    const [passwords] = await database.db.select({ n: count() }).from(account).where(eq(account.providerId, 'credential'));
    expect(passwords?.n).toBeGreaterThan(0);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, 'system.seed_demo_organization'));
    expect(audited).toHaveLength(3);
  });

  it('gives the demo customers a year of usage: Acme on Pro at 90 % of its limit this period, with the 80 % alert', async () => {
    const [acme] = await database.db.select().from(organization).where(eq(organization.externalId, 'org_acme'));
    const { meters } = await usageOverview(database.db, acme!);
    expect(meters.find((m) => m.meter === 'api_calls')).toMatchObject({ used: 450_000, limit: 500_000, percent: 90 });
    expect((await currentUsageAlerts(database.db, acme!)).map((a) => a.threshold)).toEqual([80, 80]);
    const monthly = await usageSeries(database.db, acme!, 'api_calls', '12m');
    expect(monthly.series.every((p) => p.value > 0)).toBe(true);
  });

  it('never touches a database that has anything in it', async () => {
    const before = await database.db.select({ id: organization.id }).from(organization);
    expect(await seedIfEmpty(database.db, true)).toBe(false);
    expect(await database.db.select({ id: organization.id }).from(organization)).toEqual(before);
  });

  it('`npm run seed` lays the demo tenants anew and leaves other customers alone', async () => {
    await database.db.insert(organization).values({ id: 'org-real', name: 'A real customer', plan: 'pro' });
    const [oldAcme] = await database.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, 'org_acme'));
    await removeDemoData(database.db);
    await seedDemoData(database.db);
    const [newAcme] = await database.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, 'org_acme'));
    expect(newAcme?.id).toBeDefined();
    expect(newAcme?.id).not.toBe(oldAcme?.id);
    expect(await database.db.select({ id: organization.id }).from(organization).where(eq(organization.id, 'org-real'))).toHaveLength(1);
    expect(await database.db.select({ id: organization.id }).from(organization)).toHaveLength(4);
  });
});
