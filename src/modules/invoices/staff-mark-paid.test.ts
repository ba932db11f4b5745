import { beforeAll, describe, expect, it } from 'vitest';
import { syncOrganization } from '@/modules/stripe-sync/service';
import { executeAction } from '@/platform/actions/execute';
import { rejectionOf } from '../../../tests/support/errors';
import { issueOpenInvoice } from '../../../tests/support/invoice-fixtures';
import { customerActivity, seedStaff } from '../../../tests/support/staff-fixtures';
import { seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { auditCount, eventsOf, seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { getInvoice, listInvoices, reportPayment, staffMarkInvoicePaid } from './service';

const t = useTestDatabase();
const fake = useFakeStripe();

let team: SeededTeam;

const issue = () => issueOpenInvoice(t.db, team.organizationId, 90_000);


beforeAll(async () => {
  team = await seedTeam(t.db, ['billing']);
});

describe('staff.invoices.mark_paid', () => {
  it('confirms a reported transfer: the invoice is paid, with one audit row the customer sees as Support (name)', async () => {
    const invoice = await issue();
    await executeAction(userActor(team.members[0]!), reportPayment, { invoiceId: invoice.id, reference: 'BANK-1', paidAt: '2026-07-10', amount: 90_000 });
    const agent = await seedStaff(t.db, 'agent', { name: 'Sam Support' });
    const before = await auditCount(t.db, team.organizationId);

    const { invoice: paid } = await executeAction(agent, staffMarkInvoicePaid, { invoiceId: invoice.id, reference: '  SEPA 2026-07-10  ' });

    expect(paid).toMatchObject({ id: invoice.id, status: 'paid', paymentReported: false, amountDue: 0 });
    expect((await getInvoice(t.db, team.organizationId, invoice.id)).status).toBe('paid');
    expect(await auditCount(t.db, team.organizationId)).toBe(before + 1);
    expect(await customerActivity(t.db, team.organizationId, 'staff.invoices.mark_paid')).toEqual([
      { actor: { type: 'staff', id: agent.staffId, email: agent.email, name: 'Sam Support' }, shownAs: 'Support (Sam Support)', entityId: invoice.id, after: { status: 'paid', reference: 'SEPA 2026-07-10' } },
    ]);
    const events = (await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'invoice.paid');
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ invoiceId: invoice.id, source: 'staff', reference: 'SEPA 2026-07-10' })]);
  });

  it('acts only within the customer named on the page; an unknown or another customer’s invoice is not found', async () => {
    const mine = await issue();
    const other = await seedTeam(t.db);
    const onOtherPage = { ...(await seedStaff(t.db, 'lead')), organizationId: other.organizationId };
    const before = await auditCount(t.db, team.organizationId);

    expect(await rejectionOf(executeAction(onOtherPage, staffMarkInvoicePaid, { invoiceId: mine.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'agent'), staffMarkInvoicePaid, { invoiceId: crypto.randomUUID() }))).toMatchObject({ code: 'not_found' });
    expect((await getInvoice(t.db, team.organizationId, mine.id)).status).toBe('open');
    expect(await auditCount(t.db, team.organizationId)).toBe(before);

    const onThisPage = { ...(await seedStaff(t.db, 'agent')), organizationId: team.organizationId };
    expect((await executeAction(onThisPage, staffMarkInvoicePaid, { invoiceId: mine.id })).invoice.status).toBe('paid');
  });

  it('is the console’s alone: a customer’s owner cannot run it; a reference over 200 characters is refused', async () => {
    const invoice = await issue();
    expect(await rejectionOf(executeAction(userActor(team.owner), staffMarkInvoicePaid, { invoiceId: invoice.id }))).toMatchObject({ code: 'forbidden' });
    const error = await rejectionOf(executeAction(await seedStaff(t.db, 'agent'), staffMarkInvoicePaid, { invoiceId: invoice.id, reference: 'x'.repeat(201) }));
    expect(error).toMatchObject({ code: 'validation_failed', fields: { reference: expect.any(String) } });
    expect((await getInvoice(t.db, team.organizationId, invoice.id)).status).toBe('open');
  });

  it('marks a Stripe invoice paid out of band at Stripe first, and mirrors what Stripe answered', async () => {
    const customer = fake.stripe.world.createCustomer({ name: 'Globex' });
    const stripeTeam = await seedStripeTeam(t.db, customer.id);
    const open = fake.stripe.world.createInvoice(customer.id, { status: 'open', lines: [{ description: 'Pro', quantity: 1, unitAmount: 4_900, periodStart: 1_790_000_000, periodEnd: 1_792_600_000 }] });
    await syncOrganization(t.db, stripeTeam.organizationId, customer.id);
    const [mirrored] = await listInvoices(t.db, stripeTeam.organizationId, {});
    expect(mirrored).toMatchObject({ status: 'open', provider: 'stripe' });

    const { invoice } = await executeAction(await seedStaff(t.db, 'agent'), staffMarkInvoicePaid, { invoiceId: mirrored!.id });

    expect(invoice).toMatchObject({ id: mirrored!.id, status: 'paid' });
    expect(fake.stripe.state.invoices.get(open.id)).toMatchObject({ status: 'paid' });
  });
});
