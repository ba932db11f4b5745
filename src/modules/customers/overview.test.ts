import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newKey, useApiKeyTestDatabase } from '../../../tests/support/api-key-fixtures';
import { seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { organization } from '@/platform/tenancy/schema';
import { invoice } from '@/modules/invoices/schema';
import { invitation } from '@/modules/team/schema';
import { usageMonthly } from '@/modules/usage/schema';
import { customerOverview } from './service';

const t = useApiKeyTestDatabase();
let team: SeededTeam;
let secret: string;

const month = `${new Date().toISOString().slice(0, 7)}-01`;

beforeAll(async () => {
  team = await seedTeam(t.db, ['billing', 'member'], { plan: 'pro' });
  await t.db.update(organization).set({ externalId: 'ext-overview', billing: 'contract', contract: { terms: 'Annual', renewalDate: '2027-01-01', amount: 120_000, currency: 'eur' } }).where(eq(organization.id, team.organizationId));
  await t.db.insert(invitation).values({ id: 'inv-overview', organizationId: team.organizationId, email: 'new-hire@overview.example', role: 'member', tokenHash: 'not-a-real-hash', invitedBy: team.owner.userId, expiresAt: new Date(Date.now() + 86_400_000) });
  secret = (await newKey(team.owner, { name: 'Deploy bot' })).secret;
  await t.db.insert(usageMonthly).values({ organizationId: team.organizationId, meter: 'api_calls', month, value: 400_000 });
  await t.db.insert(invoice).values({
    id: 'in-overview',
    organizationId: team.organizationId,
    provider: 'contract',
    number: 'OV-1',
    status: 'open',
    currency: 'eur',
    subtotal: 120_000n,
    total: 120_000n,
    issuedAt: new Date('2026-10-01T00:00:00Z'),
    lines: [],
    paymentReport: { reference: 'BANK-42', paidAt: '2026-10-20', amount: 120_000, reportedAt: '2026-10-20T09:00:00Z', reportedBy: team.members[0]!.email },
  });
});

describe('customerOverview', () => {
  it('gathers plan and billing, team and invitations, keys, usage against limits and invoices with their payment state', async () => {
    const overview = await customerOverview(t.db, team.organizationId);
    expect(overview.organization).toMatchObject({ id: team.organizationId, externalId: 'ext-overview', plan: 'pro' });
    expect(overview.billing).toMatchObject({ provider: 'contract', status: 'active', nextBillingDate: '2027-01-01', amount: 120_000, currency: 'eur' });
    expect(overview.members.map((m) => m.role)).toEqual(['owner', 'billing', 'member']);
    expect(overview.invitations).toMatchObject([{ email: 'new-hire@overview.example', role: 'member', expired: false }]);
    expect(overview.seats.used).toBe(4);
    expect(overview.apiKeys).toMatchObject([{ name: 'Deploy bot', status: 'active', scopes: ['read'] }]);
    expect(overview.usage.meters?.find((m) => m.meter === 'api_calls')).toMatchObject({ used: 400_000, limit: 500_000, percent: 80 });
    expect(overview.invoices).toMatchObject([{ number: 'OV-1', status: 'open', paymentReported: true, total: 120_000, currency: 'eur' }]);
  });

  it('never holds a key’s secret or its hash', async () => {
    const text = JSON.stringify(await customerOverview(t.db, team.organizationId));
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/hash/i);
  });

  it('answers not found for an organization that does not exist', async () => {
    await expect(customerOverview(t.db, 'no-such-org')).rejects.toMatchObject({ code: 'not_found' });
  });
});
