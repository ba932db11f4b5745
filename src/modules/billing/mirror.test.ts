import { describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { applyStripeCustomer, applyStripeSubscription } from './mirror';
import { organizationBilling } from './read';

const t = useTestDatabase();

const customer = (companyName: string, taxIds: { id: string; value: string }[] = []) => ({
  billingEmail: 'ap@example.test',
  companyName,
  address: null,
  paymentMethod: null,
  taxIds: taxIds.map((x) => ({ ...x, type: 'eu_vat', verification: 'verified' })),
});

describe('the Stripe mirror', () => {
  it('keeps the state of the fetch that started last, whatever order the writes land in', async () => {
    const { organizationId } = await seedOrg(t.db);
    const earlier = new Date('2026-11-20T10:00:00Z');
    const later = new Date('2026-11-20T10:00:01Z');
    expect((await t.db.transaction((tx) => applyStripeCustomer(tx, organizationId, customer('New Name', [{ id: 'txi_new', value: 'IE6388047V' }]), later))).applied).toBe(true);
    // A slower fetch that started earlier lands afterwards: it must not roll the details back.
    expect((await t.db.transaction((tx) => applyStripeCustomer(tx, organizationId, customer('Old Name', [{ id: 'txi_old', value: 'DE136695976' }]), earlier))).applied).toBe(false);
    const billing = await organizationBilling(t.db, organizationId);
    expect(billing.profile?.companyName).toBe('New Name');
    expect(billing.taxIds.map((x) => x.id)).toEqual(['txi_new']);

    const active = { subscriptionId: 'sub_1', status: 'active', planName: 'Pro', currentPeriodEnd: null, nextAmount: 4_900n, currency: 'eur', cancelAtPeriodEnd: false };
    await t.db.transaction((tx) => applyStripeSubscription(tx, organizationId, { ...active, status: 'canceled' }, later));
    expect((await t.db.transaction((tx) => applyStripeSubscription(tx, organizationId, active, earlier))).applied).toBe(false);
    expect((await organizationBilling(t.db, organizationId)).profile?.subscriptionStatus).toBe('canceled');
  });
});
