import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import type { DeliveryEvent } from '@/platform/jobs/channels';
import { membership } from '@/platform/tenancy/schema';
import { notificationPreferences } from './schema';
import { peopleWanting, preferencesOf } from './preferences';
import { peopleConcerned } from './recipients';

const t = useTestDatabase();

function event(organizationId: string, type: string, payload: Record<string, unknown>): DeliveryEvent {
  return { id: 1, organizationId, type, payload, createdAt: new Date() };
}

describe('the people an event concerns', () => {
  it('are the members holding the audiences\' roles, each once, and no one of another organization', async () => {
    const team = await seedTeam(t.db, ['admin', 'billing', 'member']);
    await seedTeam(t.db, ['admin', 'billing']);
    const [admin, billing] = team.members;

    const usage = await peopleConcerned(event(team.organizationId, 'usage.threshold_reached', {}), t.db);
    expect(usage.map((p) => p.email).toSorted()).toEqual([team.owner.email, admin!.email, billing!.email].toSorted());

    const keys = await peopleConcerned(event(team.organizationId, 'api_key.created', {}), t.db);
    expect(keys.map((p) => p.email).toSorted()).toEqual([team.owner.email, admin!.email].toSorted());
  });

  it('name the member acted on even once they have left, and both owners of a transfer', async () => {
    const team = await seedTeam(t.db, ['member', 'admin']);
    const [member, admin] = team.members;

    const removed = await peopleConcerned(event(team.organizationId, 'team.member_removed', { memberId: 'gone', userId: member!.userId, role: 'member' }), t.db);
    expect(removed.map((p) => p.email)).toEqual([member!.email]);

    await t.db.update(membership).set({ role: 'admin' }).where(eq(membership.id, team.owner.membershipId));
    await t.db.update(membership).set({ role: 'owner' }).where(eq(membership.id, admin!.membershipId));
    const transfer = await peopleConcerned(event(team.organizationId, 'team.ownership_transferred', { from: team.owner.membershipId, to: admin!.membershipId }), t.db);
    expect(transfer.map((p) => p.email).toSorted()).toEqual([team.owner.email, admin!.email].toSorted());
  });

  it('are nobody for an event of no one (webhook only) or of no organization', async () => {
    const team = await seedTeam(t.db);
    expect(await peopleConcerned(event(team.organizationId, 'organization.created', {}), t.db)).toEqual([]);
    expect(await peopleConcerned({ ...event(team.organizationId, 'usage.threshold_reached', {}), organizationId: null }, t.db)).toEqual([]);
  });
});

describe('a person\'s notification preferences', () => {
  it('default to the catalog\'s channels, and a choice overrides them for that person only', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const [admin] = team.members;
    const ownerView = await preferencesOf(t.db, team.owner.userId, team.organizationId);
    expect(ownerView.find((p) => p.event === 'billing.details_changed')).toEqual({ event: 'billing.details_changed', label: 'Billing details changed', email: true, inApp: true, locked: false });
    expect(ownerView.some((p) => p.event === 'organization.created')).toBe(false);

    await t.db.insert(notificationPreferences).values({ userId: team.owner.userId, organizationId: team.organizationId, event: 'usage.threshold_reached', channel: 'email', enabled: false });
    const wanting = await peopleWanting(t.db, team.organizationId, 'usage.threshold_reached', 'email', [team.owner.userId, admin!.userId]);
    expect(wanting).toEqual([admin!.userId]);
    expect((await preferencesOf(t.db, team.owner.userId, team.organizationId)).find((p) => p.event === 'usage.threshold_reached')).toMatchObject({ email: false, inApp: true });
  });

  it('cannot switch off a locked security notice', async () => {
    const team = await seedTeam(t.db);
    await t.db.insert(notificationPreferences).values({ userId: team.owner.userId, organizationId: team.organizationId, event: 'api_key.created', channel: 'email', enabled: false });
    expect(await peopleWanting(t.db, team.organizationId, 'api_key.created', 'email', [team.owner.userId])).toEqual([team.owner.userId]);
    expect((await preferencesOf(t.db, team.owner.userId, team.organizationId)).find((p) => p.event === 'api_key.created')).toMatchObject({ email: true, locked: true });
  });
});
