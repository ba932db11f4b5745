import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listInvoices, staffMarkInvoicePaid } from '@/modules/invoices/service';
import { syncOrganization } from '@/modules/stripe-sync/service';
import { executeAction } from '@/platform/actions/execute';
import { rejectionOf } from '../../../tests/support/errors';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { auditOf } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { addTaxId, billingOverview, removeTaxId } from './service';

// Calls whose answer the customer needs at once stay before the transaction; when the transaction
// then fails for real (a constraint of the database), the change at Stripe is undone or recorded.

const t = useTestDatabase();
const fake = useFakeStripe();

async function stripeTeam() {
  const customer = fake.stripe.world.createCustomer({ name: 'Acme Analytics' });
  const team = await seedStripeTeam(t.db, customer.id, ['billing']);
  await syncOrganization(t.db, team.organizationId, customer.id);
  return { customer, team, billing: () => userActor(team.members[0]!) };
}

const stripeTaxIdsOf = (customerId: string) => [...fake.stripe.state.taxIds.values()].filter((x) => x.customer === customerId);

/** Runs `body` while the database refuses a statement through a constraint made for the test. */
async function whileRefused(add: string[], drop: string, body: () => Promise<void>) {
  for (const statement of add) await t.db.execute(sql.raw(statement));
  try {
    await body();
  } finally {
    await t.db.execute(sql.raw(drop));
  }
}

describe('an outside change whose local write then fails', () => {
  it('a tax ID created at Stripe is deleted there again, and the audit row says so', async () => {
    const { team, customer, billing } = await stripeTeam();
    await whileRefused([`alter table tax_id add constraint test_refused check (value <> 'DE136695976')`], 'alter table tax_id drop constraint test_refused', async () => {
      const error = await rejectionOf(executeAction(billing(), addTaxId, { type: 'eu_vat', value: 'DE136695976' }, { db: t.db }));
      expect(String((error as { cause?: unknown }).cause ?? error)).toContain('test_refused');
    });

    const created = fake.stripe.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${customer.id}/tax_ids`);
    expect(created).toHaveLength(1);
    expect(stripeTaxIdsOf(customer.id)).toEqual([]);
    expect((await billingOverview(t.db, team.organizationId)).details.taxIds).toEqual([]);
    const [row, ...more] = await auditOf(t.db, team.organizationId, ['billing.add_tax_id']);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorType: 'user',
      entityType: 'tax_id',
      entityId: expect.stringMatching(/^txi_/),
      after: { createdAtStripe: { type: 'eu_vat', value: 'DE136695976' }, localWrite: 'failed', reason: 'sqlstate_23514', compensation: 'done' },
    });
  });

  it('a tax ID deleted at Stripe cannot come back: the deletion is recorded', async () => {
    const { team, customer, billing } = await stripeTeam();
    const { taxId } = await executeAction(billing(), addTaxId, { type: 'eu_vat', value: 'DE136695976' }, { db: t.db });
    // Something of ours still refers to the tax ID: its row cannot go.
    await whileRefused(
      ['create table test_tax_id_hold (tax_id text references tax_id(id))', `insert into test_tax_id_hold values ('${taxId.id}')`],
      'drop table test_tax_id_hold',
      async () => {
        const error = await rejectionOf(executeAction(billing(), removeTaxId, { taxIdId: taxId.id }, { db: t.db }));
        expect(String((error as { cause?: unknown }).cause ?? error)).toContain('test_tax_id_hold');
      },
    );

    expect(stripeTaxIdsOf(customer.id)).toEqual([]);
    const audit = await auditOf(t.db, team.organizationId, ['billing.remove_tax_id']);
    expect(audit).toMatchObject([{ entityType: 'tax_id', entityId: taxId.id, after: { deletedAtStripe: true, localWrite: 'failed', reason: 'sqlstate_23503', compensation: 'none' } }]);
  });

  it('an invoice paid out of band at Stripe is recorded when the confirmation fails here', async () => {
    const { team, customer } = await stripeTeam();
    const open = fake.stripe.world.createInvoice(customer.id, { status: 'open', lines: [{ description: 'Pro', quantity: 1, unitAmount: 4_900, periodStart: 1_790_000_000, periodEnd: 1_792_600_000 }] });
    await syncOrganization(t.db, team.organizationId, customer.id);
    const [mirrored] = await listInvoices(t.db, team.organizationId, {});
    const agent = { ...(await seedStaff(t.db, 'agent')), organizationId: team.organizationId };

    await whileRefused([`alter table invoice add constraint test_refused check (status <> 'paid') not valid`], 'alter table invoice drop constraint test_refused', async () => {
      await rejectionOf(executeAction(agent, staffMarkInvoicePaid, { invoiceId: mirrored!.id }));
    });

    expect(fake.stripe.state.invoices.get(open.id)).toMatchObject({ status: 'paid' });
    const audit = await auditOf(t.db, team.organizationId, ['staff.invoices.mark_paid']);
    expect(audit).toMatchObject([{ actorType: 'staff', entityType: 'invoice', entityId: mirrored!.id, after: { paidAtStripe: open.id, status: 'paid', localWrite: 'failed', reason: 'sqlstate_23514', compensation: 'none' } }]);
  });
});
