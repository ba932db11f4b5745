import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { hostActor, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { auditLog, outbox } from '@/platform/actions/schema';
import { AppError } from '@/platform/http/errors';
import { membership, organization } from '@/platform/tenancy/schema';
import { createOrganizationForSignUp, upsertOrganization } from './actions';

const t = useTestDatabase();

let seq = 0;
const externalId = () => `cust_${++seq}_${Date.now()}`;

async function auditOf(organizationId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(auditLog.id);
}

async function eventsOf(organizationId: string) {
  return (await t.db.select({ type: outbox.type }).from(outbox).where(eq(outbox.organizationId, organizationId)).orderBy(outbox.id)).map((e) => e.type);
}

const contract = { terms: 'Net 30, annual prepay', renewalDate: '2031-03-31', amount: 1_200_000, currency: 'eur' };

describe('upsertOrganization', () => {
  it('creates a missing organization, audited with no before', async () => {
    const id = externalId();
    const result = await executeAction(hostActor, upsertOrganization, { externalId: id, name: 'Initech', plan: 'pro', stripeCustomerId: 'cus_ABC123' });

    expect(result.created).toBe(true);
    expect(result.organization).toMatchObject({ externalId: id, name: 'Initech', plan: 'pro', stripeCustomerId: 'cus_ABC123', billing: null, contract: null });
    const [row] = await t.db.select().from(organization).where(eq(organization.externalId, id));
    expect(row).toMatchObject({ id: result.organization.id, name: 'Initech', plan: 'pro' });
    const audit = await auditOf(row!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'host.upsert_organization', actorType: 'host', entityType: 'organization', entityId: row!.id, before: null });
    expect(audit[0]!.after).toEqual(result.organization);
    expect(await eventsOf(row!.id)).toEqual(['organization.created']);
  });

  it('names a new organization after its external id when no name is given, on the free plan', async () => {
    const id = externalId();
    const { organization: created } = await executeAction(hostActor, upsertOrganization, { externalId: id });
    expect(created).toMatchObject({ name: id, plan: 'free' });
  });

  it('updates an existing one: only the given fields change, audited before and after', async () => {
    const id = externalId();
    const { organization: created } = await executeAction(hostActor, upsertOrganization, { externalId: id, name: 'Old Name', plan: 'pro', stripeCustomerId: 'cus_KEEP' });

    const result = await executeAction(hostActor, upsertOrganization, { externalId: id, name: 'New Name', billing: 'contract', contract });

    expect(result.created).toBe(false);
    expect(result.organization).toMatchObject({ id: created.id, name: 'New Name', plan: 'pro', stripeCustomerId: 'cus_KEEP', billing: 'contract', contract });
    expect(await t.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, id))).toHaveLength(1);
    const audit = await auditOf(created.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toMatchObject({ name: 'Old Name', plan: 'pro', billing: null, contract: null });
    expect(audit[1]!.after).toMatchObject({ name: 'New Name', plan: 'pro', billing: 'contract', contract });
    expect(await eventsOf(created.id)).toEqual(['organization.created', 'organization.updated']);
  });

  it('clears a field given as null', async () => {
    const id = externalId();
    await executeAction(hostActor, upsertOrganization, { externalId: id, stripeCustomerId: 'cus_GONE', billing: 'stripe' });
    const { organization: updated } = await executeAction(hostActor, upsertOrganization, { externalId: id, stripeCustomerId: null, billing: null });
    expect(updated).toMatchObject({ stripeCustomerId: null, billing: null });
  });

  it.each([
    ['an uppercase currency', { contract: { ...contract, currency: 'EUR' } }, 'contract.currency'],
    ['an impossible renewal date', { contract: { ...contract, renewalDate: '2031-02-30' } }, 'contract.renewalDate'],
    ['a renewal date that is not a date', { contract: { ...contract, renewalDate: 'next spring' } }, 'contract.renewalDate'],
    ['a negative amount', { contract: { ...contract, amount: -1 } }, 'contract.amount'],
    ['a fractional amount (not minor units)', { contract: { ...contract, amount: 12.5 } }, 'contract.amount'],
    ['empty terms', { contract: { ...contract, terms: '  ' } }, 'contract.terms'],
    ['missing terms', { contract: { renewalDate: '2031-01-01', amount: 1, currency: 'usd' } }, 'contract.terms'],
    ['an unknown billing provider', { billing: 'paypal' }, 'billing'],
    ['an unknown plan', { plan: 'platinum' }, 'plan'],
    ['a malformed Stripe customer id', { stripeCustomerId: 'customer-1' }, 'stripeCustomerId'],
    ['a blank name', { name: '   ' }, 'name'],
  ])('refuses %s with a field error and writes nothing', async (_label, fields, field) => {
    const id = externalId();
    const error = await rejectionOf(executeAction(hostActor, upsertOrganization, { externalId: id, ...fields }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
    expect(await t.db.select().from(organization).where(eq(organization.externalId, id))).toEqual([]);
  });

  it('refuses a missing or blank external id', async () => {
    await expect(executeAction(hostActor, upsertOrganization, { name: 'No id' })).rejects.toMatchObject({ fields: { externalId: expect.any(String) } });
    await expect(executeAction(hostActor, upsertOrganization, { externalId: ' ' })).rejects.toMatchObject({ fields: { externalId: expect.any(String) } });
  });
});

describe('createOrganizationForSignUp', () => {
  const system: Actor = { type: 'system', organizationId: null };

  it('creates an organization owned by the person signing up', async () => {
    const person = await seedUser(t.db, { password: true });
    const { organizationId } = await executeAction(system, createOrganizationForSignUp, { userId: person.userId, name: '  Hooli  ' });

    const [org] = await t.db.select().from(organization).where(eq(organization.id, organizationId));
    expect(org).toMatchObject({ name: 'Hooli', plan: 'free', externalId: null });
    expect(await t.db.select({ userId: membership.userId, role: membership.role }).from(membership).where(eq(membership.organizationId, organizationId))).toEqual([
      { userId: person.userId, role: 'owner' },
    ]);
    const audit = await auditOf(organizationId);
    expect(audit.map((a) => [a.actorType, a.action, a.entityId])).toEqual([['system', 'system.create_organization_for_sign_up', organizationId]]);
    expect(await eventsOf(organizationId)).toEqual(['organization.created']);
  });

  it('rolls the organization back when the membership cannot be created', async () => {
    const before = await t.db.select({ id: organization.id }).from(organization);
    await expect(executeAction(system, createOrganizationForSignUp, { userId: 'no-such-user', name: 'Orphan' })).rejects.toThrow();
    expect(await t.db.select({ id: organization.id }).from(organization)).toEqual(before);
  });
});
