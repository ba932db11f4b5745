// Customers, their tax IDs and their cards, changed as Stripe's API or dashboard would change them.
import type Stripe from 'stripe';
import { fakeId, found, liveCustomer, newestFirst, type FakeStripeCore, type FakeStripeState } from './core';
import { invalidRequest, missingParam, noSuch } from './errors';
import type { FakeCustomer, FakeDeleted, FakePaymentMethod, FakeTaxId, FakeTaxIdStatus } from './objects';

/** Address fields as given: a missing one is kept, the empty string clears it (Stripe's rule). */
export type FakeAddressInput = { [K in keyof Stripe.Address]?: string | null };
export type FakeCustomerPatch = { email?: string | null; name?: string | null; address?: FakeAddressInput | null };
export type FakeCustomerInput = FakeCustomerPatch & { id?: string };
export type FakeCard = { brand: string; last4: string; expMonth: number; expYear: number };

const NO_ADDRESS: Stripe.Address = { line1: null, line2: null, city: null, postal_code: null, state: null, country: null };

function mergedAddress(current: Stripe.Address | null, input: FakeAddressInput): Stripe.Address {
  const address = { ...(current ?? NO_ADDRESS) };
  for (const [field, value] of Object.entries(input) as [keyof Stripe.Address, string | null | undefined][]) {
    if (value !== undefined) address[field] = value || null;
  }
  return address;
}

function applyPatch(customer: FakeCustomer, patch: FakeCustomerPatch): void {
  if (patch.email !== undefined) customer.email = patch.email || null;
  if (patch.name !== undefined) customer.name = patch.name || null;
  if (patch.address !== undefined) customer.address = patch.address ? mergedAddress(customer.address, patch.address) : null;
}

export function taxIdsOf(state: FakeStripeState, customerId: string): FakeTaxId[] {
  return newestFirst([...state.taxIds.values()].filter((t) => t.customer === customerId));
}

/** The country Stripe derives: an EU VAT number starts with it, other types are named after it. */
function taxIdCountry(type: string, value: string): string {
  return (type === 'eu_vat' ? value.slice(0, 2) : type.slice(0, 2)).toUpperCase();
}

export function customerMutators(core: FakeStripeCore) {
  const { state } = core;
  const paymentMethod = (id: string) => found(state.paymentMethods, id, 'payment_method');
  const taxId = (id: string) => found(state.taxIds, id, 'tax_id');

  return {
    createCustomer({ id = fakeId('cus'), ...patch }: FakeCustomerInput = {}): FakeCustomer {
      if (state.customers.has(id) || state.deletedCustomerIds.has(id)) throw invalidRequest('Customer already exists.', { code: 'resource_already_exists', param: 'id' });
      const customer: FakeCustomer = {
        id,
        object: 'customer',
        email: null,
        name: null,
        address: null,
        invoice_settings: { default_payment_method: null },
        created: core.now(),
        livemode: false,
        metadata: {},
      };
      applyPatch(customer, patch);
      state.customers.set(id, customer);
      core.emit('customer.created', customer);
      return customer;
    },

    updateCustomer(id: string, patch: FakeCustomerPatch): FakeCustomer {
      return core.change('customer.updated', liveCustomer(state, id), (customer) => applyPatch(customer, patch));
    },

    /** Deletes the customer only; the world also cancels its subscriptions first, as Stripe does. */
    deleteCustomer(id: string): FakeDeleted<'customer'> {
      const customer = liveCustomer(state, id);
      state.customers.delete(id);
      state.deletedCustomerIds.add(id);
      core.emit('customer.deleted', customer);
      return { id, object: 'customer', deleted: true };
    },

    /** Stripe checks the number with the tax authority later: a new tax ID is pending. */
    createTaxId(customerId: string, { type, value }: { type: string; value: string }): FakeTaxId {
      const customer = liveCustomer(state, customerId);
      if (!type) throw missingParam('type');
      if (!value) throw missingParam('value');
      // The fake's stand-in for a number Stripe refuses outright.
      if (value.includes('INVALID')) throw invalidRequest(`Invalid value for ${type}.`, { code: 'tax_id_invalid', param: 'value' });
      const created: FakeTaxId = {
        id: fakeId('txi'),
        object: 'tax_id',
        type,
        value,
        country: taxIdCountry(type, value),
        customer: customer.id,
        created: core.now(),
        livemode: false,
        verification: { status: 'pending', verified_name: null, verified_address: null },
      };
      state.taxIds.set(created.id, created);
      core.emit('customer.tax_id.created', created);
      return created;
    },

    deleteTaxId(customerId: string, taxIdId: string): FakeDeleted<'tax_id'> {
      liveCustomer(state, customerId);
      const deleted = taxId(taxIdId);
      if (deleted.customer !== customerId) throw noSuch('tax_id', taxIdId);
      state.taxIds.delete(taxIdId);
      core.emit('customer.tax_id.deleted', deleted);
      return { id: taxIdId, object: 'tax_id', deleted: true };
    },

    setTaxIdVerification(taxIdId: string, status: FakeTaxIdStatus): FakeTaxId {
      return core.change('customer.tax_id.updated', taxId(taxIdId), (t) => (t.verification.status = status));
    },

    attachPaymentMethod(customerId: string, card: FakeCard, { makeDefault = false }: { makeDefault?: boolean } = {}): FakePaymentMethod {
      const customer = liveCustomer(state, customerId);
      const method: FakePaymentMethod = {
        id: fakeId('pm'),
        object: 'payment_method',
        type: 'card',
        customer: customer.id,
        card: { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear },
        created: core.now(),
        livemode: false,
        metadata: {},
      };
      state.paymentMethods.set(method.id, method);
      core.emit('payment_method.attached', method);
      if (makeDefault) core.change('customer.updated', customer, (c) => (c.invoice_settings.default_payment_method = method.id));
      return method;
    },

    /** A detached card stays known to Stripe, without a customer; it stops being anyone's default. */
    detachPaymentMethod(paymentMethodId: string): FakePaymentMethod {
      const method = paymentMethod(paymentMethodId);
      const customerId = method.customer;
      if (!customerId) throw invalidRequest(`The payment method ${paymentMethodId} is not attached to a customer.`, { param: 'payment_method' });
      core.change('payment_method.detached', method, (m) => (m.customer = null));
      const customer = state.customers.get(customerId);
      if (customer?.invoice_settings.default_payment_method === paymentMethodId) {
        core.change('customer.updated', customer, (c) => (c.invoice_settings.default_payment_method = null));
      }
      return method;
    },
  };
}
