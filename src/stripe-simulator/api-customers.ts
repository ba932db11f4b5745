// /v1/customers and what hangs off it: the customer, its tax IDs, its cards.
import { found, liveCustomer, newestFirst, type FakeStripeState } from './core';
import { type FakeAddressInput, type FakeCustomerPatch, taxIdsOf } from './customers';
import { invalidRequest } from './errors';
import { arrayParam, list, ok, type FakeRoute } from './http';
import type { FakeCustomer, FakeCustomerView } from './objects';

const EXPANSIONS = ['tax_ids', 'invoice_settings.default_payment_method'];
const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'postal_code', 'state', 'country'] as const;

/** The request's `expand`, refused as Stripe refuses a path it cannot expand. */
function expansions(params: URLSearchParams): string[] {
  const expand = arrayParam(params, 'expand');
  const unexpandable = expand.find((path) => !EXPANSIONS.includes(path));
  if (unexpandable) throw invalidRequest(`This property cannot be expanded (${unexpandable}).`, { param: 'expand' });
  return expand;
}

function customerView(state: FakeStripeState, customer: FakeCustomer, expand: string[]): FakeCustomerView {
  const view: FakeCustomerView = structuredClone(customer);
  const method = customer.invoice_settings.default_payment_method;
  if (method && expand.includes('invoice_settings.default_payment_method')) {
    view.invoice_settings.default_payment_method = found(state.paymentMethods, method, 'payment_method');
  }
  if (expand.includes('tax_ids')) {
    view.tax_ids = { object: 'list', data: taxIdsOf(state, customer.id), has_more: false, url: `/v1/customers/${customer.id}/tax_ids` };
  }
  return view;
}

/** `email=…&address[city]=…`, where the empty string clears a field and `address=` the whole address. */
function customerPatch(params: URLSearchParams): FakeCustomerPatch {
  const patch: FakeCustomerPatch = {};
  if (params.has('email')) patch.email = params.get('email');
  if (params.has('name')) patch.name = params.get('name');
  const address: FakeAddressInput = {};
  for (const field of ADDRESS_FIELDS) if (params.has(`address[${field}]`)) address[field] = params.get(`address[${field}]`);
  if (params.get('address') === '') patch.address = null;
  else if (Object.keys(address).length > 0) patch.address = address;
  return patch;
}

const PAGING = ['limit', 'starting_after'];

export const customerRoutes: FakeRoute[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/customers$/,
    accepts: ['email', 'name', ...ADDRESS_FIELDS.map((field) => `address[${field}]`)],
    handle({ body }, { world }) {
      return ok(world.createCustomer(customerPatch(body)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)$/,
    accepts: ['expand'],
    handle({ params, query }, { world }) {
      const expand = expansions(query);
      if (world.state.deletedCustomerIds.has(params.id!)) return ok({ id: params.id, object: 'customer', deleted: true });
      return ok(customerView(world.state, found(world.state.customers, params.id!, 'customer'), expand));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)$/,
    accepts: ['email', 'name', 'address', ...ADDRESS_FIELDS.map((field) => `address[${field}]`), 'expand'],
    handle({ params, body }, { world }) {
      const expand = expansions(body);
      return ok(customerView(world.state, world.updateCustomer(params.id!, customerPatch(body)), expand));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)\/tax_ids$/,
    accepts: PAGING,
    handle({ params, path, query }, { world }) {
      liveCustomer(world.state, params.id!);
      return list(path, taxIdsOf(world.state, params.id!), query);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)\/tax_ids$/,
    accepts: ['type', 'value'],
    handle({ params, body }, { world }) {
      return ok(world.createTaxId(params.id!, { type: body.get('type') ?? '', value: body.get('value') ?? '' }));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)\/tax_ids\/(?<taxId>[^/]+)$/,
    handle({ params }, { world }) {
      return ok(world.deleteTaxId(params.id!, params.taxId!));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/(?<id>[^/]+)\/payment_methods$/,
    accepts: ['type', ...PAGING],
    handle({ params, path, query }, { world }) {
      liveCustomer(world.state, params.id!);
      const type = query.get('type');
      const methods = [...world.state.paymentMethods.values()].filter((m) => m.customer === params.id && (!type || m.type === type));
      return list(path, newestFirst(methods), query);
    },
  },
];
