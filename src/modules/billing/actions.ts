import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/platform/actions/actor';
import { defineAction } from '@/platform/actions/define';
import { getDb } from '@/platform/db/client';
import { stripeSettings } from '@/platform/stripe/settings';
import { conflict, forbidden, notFound } from '@/platform/http/errors';
import { addTaxIdInput, billingDetailsInput, portalSessionInput, removeTaxIdInput } from './inputs';
import { lockBillingProfile } from './mirror';
import { billingProviderFor, billingProviderOf } from './provider';
import { organization } from '@/platform/tenancy/schema';
import { organizationBilling, type OrganizationBilling } from './read';
import { billingProfile, taxId, type BillingDetailField } from './schema';
import { portalUrlFor } from '@/platform/http/portal-url';

const MAX_TAX_IDS = 10;

async function billingOfActor(actor: Actor): Promise<OrganizationBilling> {
  if (!actor.organizationId) throw forbidden();
  return organizationBilling(await getDb(), actor.organizationId);
}

const detailsView = (profile: typeof billingProfile.$inferSelect) => ({ billingEmail: profile.billingEmail, companyName: profile.companyName, address: profile.address });
const taxIdView = (row: typeof taxId.$inferSelect) => ({ id: row.id, type: row.type, value: row.value, verification: row.verification });

/**
 * Billing email, company name and address, kept here (the truth). For a Stripe customer they are
 * also marked for the `stripe_push` channel, which pushes them after the commit, retried until Stripe
 * has them: the answer is not needed to show them, and a push before the commit could stand in
 * Stripe for an edit that then rolled back.
 */
export const updateBillingDetails = defineAction({
  name: 'billing.update_details',
  input: billingDetailsInput,
  async run({ actor, tx, emit }, input) {
    if (!actor.organizationId) throw forbidden();
    const organizationId = actor.organizationId;
    const [org] = await tx.select({ billing: organization.billing, stripeCustomerId: organization.stripeCustomerId }).from(organization).where(eq(organization.id, organizationId));
    if (!org) throw notFound('Organization');
    const before = await lockBillingProfile(tx, organizationId);
    const edited = Object.keys(input) as BillingDetailField[];
    // Only the fields edited here are pushed: Stripe keeps what the portal never had (no first sync yet).
    const stripePushFields = billingProviderOf(org) === 'stripe' ? [...new Set([...before.stripePushFields, ...edited])] : before.stripePushFields;
    // Fields left out of the input are undefined, which the update leaves alone.
    const [after] = (await tx
      .update(billingProfile)
      .set({ ...input, stripePushFields, detailsRevision: sql`${billingProfile.detailsRevision} + 1`, updatedAt: new Date() })
      .where(eq(billingProfile.organizationId, organizationId))
      .returning()) as [typeof before];
    emit('billing.details_changed', { organizationId, fields: edited, billingEmail: { from: before.billingEmail, to: after.billingEmail } });
    return {
      result: { details: detailsView(after) },
      audit: { entityType: 'billing_details', entityId: organizationId, before: detailsView(before), after: { ...detailsView(after), ...(after.stripePushFields.length > 0 ? { stripe: 'pending' } : {}) } },
    };
  },
});

export const addTaxId = defineAction({
  name: 'billing.add_tax_id',
  input: addTaxIdInput,
  async prepare({ actor }, input) {
    const billing = await billingOfActor(actor);
    if (billing.taxIds.some((t) => t.type === input.type && t.value === input.value)) throw conflict('This tax ID is already on file.');
    if (billing.taxIds.length >= MAX_TAX_IDS) throw conflict(`At most ${MAX_TAX_IDS} tax IDs can be on file. Remove one first.`);
    const provider = billingProviderFor(billing.organization);
    return { provider, created: await provider.addTaxId(input.type, input.value) };
  },
  // The customer is told the tax ID was not added: one left at Stripe would print on invoices with no
  // record here, so it is deleted again (and the audit row says whether that worked).
  outsideChange: ({ provider, created }, input) =>
    provider.name === 'stripe' ? { entityType: 'tax_id', entityId: created.id, after: { createdAtStripe: { type: input.type, value: input.value } }, compensate: () => provider.removeTaxId(created.id) } : null,
  async run({ actor, tx, emit }, input, { created }) {
    const organizationId = actor.organizationId!;
    const [row] = await tx
      .insert(taxId)
      .values({ id: created.id, organizationId, type: input.type, value: input.value, verification: created.verification })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('This tax ID is already on file.');
    const view = taxIdView(row);
    emit('billing.tax_id_added', { organizationId, taxId: view });
    return { result: { taxId: view }, audit: { entityType: 'tax_id', entityId: row.id, after: view } };
  },
});

export const removeTaxId = defineAction({
  name: 'billing.remove_tax_id',
  input: removeTaxIdInput,
  async prepare({ actor }, input) {
    const billing = await billingOfActor(actor);
    if (!billing.taxIds.some((t) => t.id === input.taxIdId)) throw notFound('Tax ID');
    const provider = billingProviderFor(billing.organization);
    await provider.removeTaxId(input.taxIdId);
    return provider.name;
  },
  // Not undone: a deleted tax ID cannot come back (a new one gets a new id and is verified again).
  // Stripe's customer.tax_id.deleted webhook takes it out of the mirror.
  outsideChange: (provider, input) => (provider === 'stripe' ? { entityType: 'tax_id', entityId: input.taxIdId, after: { deletedAtStripe: true } } : null),
  async run({ actor, tx, emit }, input) {
    const organizationId = actor.organizationId!;
    const [removed] = await tx.delete(taxId).where(and(eq(taxId.id, input.taxIdId), eq(taxId.organizationId, organizationId))).returning();
    if (!removed) throw notFound('Tax ID');
    const view = taxIdView(removed);
    emit('billing.tax_id_removed', { organizationId, taxId: view });
    return { result: { removed: true }, audit: { entityType: 'tax_id', entityId: removed.id, before: view } };
  },
});

/** A Stripe Billing Portal session, optionally deep-linked to one flow; back to /account/billing after. */
export const openBillingPortal = defineAction({
  name: 'billing.open_portal',
  input: portalSessionInput,
  async prepare({ actor }, input) {
    const billing = await billingOfActor(actor);
    const subscriptionId = billing.profile?.subscriptionStatus === 'canceled' ? null : (billing.profile?.subscriptionId ?? null);
    return billingProviderFor(billing.organization).openPortal({ flow: input.flow, subscriptionId, returnUrl: portalUrlFor('/account/billing'), configuration: stripeSettings()?.portalConfigId });
  },
  // Not undone: Stripe cannot expire a portal session; it lapses by itself, and its URL never left here.
  outsideChange: (session, input) => ({ entityType: 'billing_portal_session', entityId: session.id, after: { flow: input.flow ?? null } }),
  async run({ actor }, input, session) {
    return {
      result: { url: session.url },
      audit: { entityType: 'billing_portal_session', entityId: session.id, after: { flow: input.flow ?? null, organizationId: actor.organizationId } },
    };
  },
});
