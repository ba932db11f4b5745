import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pushDetailsToStripe, updateBillingDetails } from '@/modules/billing/service';
import type { Actor } from '@/platform/actions/actor';
import { syncOrganization } from '@/modules/stripe-sync/service';
import { executeAction } from '@/platform/actions/execute';
import { rejectionOf } from '../../../tests/support/errors';
import { customerActivity, seedStaff } from '../../../tests/support/staff-fixtures';
import { seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { eventsOf, type SeededTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { invoice as invoiceTable } from './schema';
import { approveInvoiceCorrection, listCorrections, listInvoices, requestInvoiceCorrection } from './service';
import { reissueAtStripe } from './stripe-reissue';

const t = useTestDatabase();
const fake = useFakeStripe();

let team: SeededTeam;
let customerId: string;
const billingMember = () => userActor(team.members[0]!);
const DAY = 86_400;
const system: Actor = { type: 'system', organizationId: null };

async function stripeInvoiceAwaitingApproval(status: 'open' | 'paid') {
  const created = Math.floor(Date.now() / 1000) - 10 * DAY;
  const line = { description: 'Pro plan', quantity: 1, unitAmount: 4_900, periodStart: created, periodEnd: created + 30 * DAY };
  const stripeInvoice = fake.stripe.world.createInvoice(customerId, { status, created, lines: [line] });
  await syncOrganization(t.db, team.organizationId, customerId);
  const mirrored = (await listInvoices(t.db, team.organizationId, {})).find((i) => i.number === stripeInvoice.number)!;
  await executeAction(billingMember(), updateBillingDetails, { companyName: `Acme Renamed ${stripeInvoice.number}` });
  await executeAction(system, pushDetailsToStripe, { organizationId: team.organizationId });
  const { correction } = await executeAction(billingMember(), requestInvoiceCorrection, { invoiceId: mirrored.id });
  expect(correction.status).toBe('awaiting_approval');
  return { correction, stripeInvoice, mirrored };
}

const creditNotesOf = (stripeInvoiceId: string) => [...fake.stripe.state.creditNotes.values()].filter((n) => n.invoice === stripeInvoiceId);
const replacementsOf = (correctionId: string) => [...fake.stripe.state.invoices.values()].filter((i) => i.metadata?.correction_id === correctionId);

beforeAll(async () => {
  const customer = fake.stripe.world.createCustomer({ email: 'billing@acme-corr.example', name: 'Acme Original' });
  customerId = customer.id;
  team = await seedStripeTeam(t.db, customerId, ['billing']);
});

describe('approving a Stripe invoice’s correction', () => {
  it('creates one credit note for the full amount and one new invoice with the current details, once, however often approved', async () => {
    const { correction, stripeInvoice, mirrored } = await stripeInvoiceAwaitingApproval('paid');
    const agent = await seedStaff(t.db, 'agent');
    expect(await rejectionOf(executeAction(agent, approveInvoiceCorrection, { correctionId: correction.id }))).toMatchObject({ code: 'forbidden' });

    const lead = await seedStaff(t.db, 'lead', { name: 'Lee Lead' });
    const first = await executeAction(lead, approveInvoiceCorrection, { correctionId: correction.id });
    expect(first.correction).toMatchObject({ id: correction.id, status: 'completed' });
    const again = await executeAction(lead, approveInvoiceCorrection, { correctionId: correction.id });
    expect(again.correction).toMatchObject({ id: correction.id, status: 'completed' });

    const notes = creditNotesOf(stripeInvoice.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ amount: 4_900, post_payment_amount: 4_900, metadata: { correction_id: correction.id, replaces_invoice: stripeInvoice.id } });
    const replacements = replacementsOf(correction.id);
    expect(replacements).toHaveLength(1);
    expect(replacements[0]).toMatchObject({ status: 'open', total: 4_900, customer_name: `Acme Renamed ${stripeInvoice.number}`, metadata: { replaces_invoice: stripeInvoice.id } });

    // The new invoice is mirrored at once, linked to the correction.
    const [mirroredReplacement] = await t.db.select().from(invoiceTable).where(eq(invoiceTable.stripeInvoiceId, replacements[0]!.id));
    expect(mirroredReplacement).toMatchObject({ organizationId: team.organizationId, provider: 'stripe', total: 4_900n });
    const { corrections } = await listCorrections(t.db, { status: 'completed' });
    expect(corrections.find((c) => c.id === correction.id)).toMatchObject({ invoiceId: mirrored.id, organization: { id: team.organizationId }, invoice: { provider: 'stripe' } });

    // Audited: the request by the member, the approval with the Stripe objects by the lead.
    const approvals = await customerActivity(t.db, team.organizationId, 'staff.invoice_corrections.approve');
    expect(approvals[0]).toMatchObject({ actor: { type: 'staff', id: lead.staffId }, entityId: correction.id, after: { status: 'completed', creditNoteId: notes[0]!.id, replacementStripeInvoiceId: replacements[0]!.id } });
    const requests = await customerActivity(t.db, team.organizationId, 'invoices.correct');
    expect(requests.map((r) => r.entityId)).toContain(correction.id);
    const events = (await eventsOf(t.db, team.organizationId)).filter((e) => (e.payload as { correctionId?: string }).correctionId === correction.id).map((e) => e.type);
    expect(events).toEqual(['invoice_correction.requested', 'invoice_correction.approved', 'invoice_correction.completed']);
  });

  it('creates nothing more when retried after a crash between the Stripe calls and the local commit', async () => {
    const { correction, stripeInvoice } = await stripeInvoiceAwaitingApproval('open');
    const [original] = await t.db.select().from(invoiceTable).where(eq(invoiceTable.stripeInvoiceId, stripeInvoice.id));
    // The Stripe side of an approval whose transaction then never committed.
    const crashed = await reissueAtStripe(correction.id, original!, customerId);
    expect(creditNotesOf(stripeInvoice.id)).toHaveLength(1);

    const lead = await seedStaff(t.db, 'lead');
    const { correction: approved } = await executeAction(lead, approveInvoiceCorrection, { correctionId: correction.id });
    expect(approved.status).toBe('completed');
    expect(creditNotesOf(stripeInvoice.id)).toEqual([expect.objectContaining({ id: crashed.creditNoteId, pre_payment_amount: 4_900 })]);
    expect(replacementsOf(correction.id).map((i) => i.id)).toEqual([crashed.replacement.stripeInvoiceId]);
  });

  it('waits for the new details to reach Stripe, and is not found from another customer’s console page', async () => {
    const created = Math.floor(Date.now() / 1000) - DAY;
    fake.stripe.world.createInvoice(customerId, { status: 'open', created, lines: [{ description: 'Seats', quantity: 1, unitAmount: 100, periodStart: created, periodEnd: created + DAY }] });
    await syncOrganization(t.db, team.organizationId, customerId);
    const [newest] = await listInvoices(t.db, team.organizationId, {});
    await executeAction(billingMember(), updateBillingDetails, { companyName: 'Acme Not Pushed Yet' });
    const { correction } = await executeAction(billingMember(), requestInvoiceCorrection, { invoiceId: newest!.id });
    const lead = await seedStaff(t.db, 'lead');
    expect(await rejectionOf(executeAction(lead, approveInvoiceCorrection, { correctionId: correction.id }))).toMatchObject({ code: 'conflict' });
    expect(replacementsOf(correction.id)).toHaveLength(0);
    await executeAction(system, pushDetailsToStripe, { organizationId: team.organizationId });

    const elsewhere = await seedStaff(t.db, 'lead', { organizationId: (await seedStripeTeam(t.db, 'cus_other')).organizationId });
    expect(await rejectionOf(executeAction(elsewhere, approveInvoiceCorrection, { correctionId: correction.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'lead'), approveInvoiceCorrection, { correctionId: crypto.randomUUID() }))).toMatchObject({ code: 'not_found' });
  });
});
