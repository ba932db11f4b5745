import { and, eq } from 'drizzle-orm';
import type { Actor } from '@/platform/actions/actor';
import { defineAction } from '@/platform/actions/define';
import { getDb } from '@/platform/db/client';
import { stripeSettings } from '@/platform/stripe/settings';
import { conflict, forbidden, notFound } from '@/platform/http/errors';
import { addTaxIdInput, billingDetailsInput, portalSessionInput, removeTaxIdInput } from './inputs';
import { applyStripeCustomer, lockBillingProfile } from './mirror';
import { billingProviderFor } from './provider';
import { organizationBilling, type OrganizationBilling } from './read';
import { billingProfile, taxId } from './schema';
import { portalUrlFor } from '@/platform/http/portal-url';

const MAX_TAX_IDS = 10;

async function billingOfActor(actor: Actor): Promise<OrganizationBilling> {
  if (!actor.organizationId) throw forbidden();
  return organizationBilling(await getDb(), actor.organizationId);
}

const detailsView = (profile: typeof billingProfile.$inferSelect) => ({ billingEmail: profile.billingEmail, companyName: profile.companyName, address: profile.address });
const taxIdView = (row: typeof taxId.$inferSelect) => ({ id: row.id, type: row.type, value: row.value, verification: row.verification });

/** Billing email, company name and address: pushed to Stripe first for a Stripe customer, kept here for everyone. */
export const updateBillingDetails = defineAction({
  name: 'billing.update_details',
  input: billingDetailsInput,
  async prepare({ actor }, input) {
    const billing = await billingOfActor(actor);
    const fetchedAt = new Date();
    const fetched = await billingProviderFor(billing.organization).pushDetails(input);
    return fetched && { fetched, fetchedAt };
  },
  async run({ actor, tx, emit }, input, pushed) {
    const organizationId = actor.organizationId!;
    let before: typeof billingProfile.$inferSelect;
    let after: typeof billingProfile.$inferSelect;
    if (pushed) {
      ({ before, after } = await applyStripeCustomer(tx, organizationId, pushed.fetched, pushed.fetchedAt));
    } else {
      before = await lockBillingProfile(tx, organizationId);
      // Fields left out of the input are undefined, which the update leaves alone.
      [after] = (await tx.update(billingProfile).set({ ...input, updatedAt: new Date() }).where(eq(billingProfile.organizationId, organizationId)).returning()) as [typeof after];
    }
    emit('billing.details_changed', { organizationId, fields: Object.keys(input), billingEmail: { from: before.billingEmail, to: after.billingEmail } });
    return {
      result: { details: detailsView(after) },
      audit: { entityType: 'billing_details', entityId: organizationId, before: detailsView(before), after: detailsView(after) },
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
    return billingProviderFor(billing.organization).addTaxId(input.type, input.value);
  },
  async run({ actor, tx, emit }, input, created) {
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
    await billingProviderFor(billing.organization).removeTaxId(input.taxIdId);
  },
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
  async run({ actor }, input, session) {
    return {
      result: { url: session.url },
      audit: { entityType: 'billing_portal_session', entityId: session.id, after: { flow: input.flow ?? null, organizationId: actor.organizationId } },
    };
  },
});
