// /v1 billing: subscriptions, invoices, billing portal sessions and meter event summaries.
import { found, newestFirst } from './core';
import { invalidRequest, missingParam } from './errors';
import { list, ok, type FakeRoute } from './http';
import type { FakePortalSessionParams } from './portal';

const DAY = 86_400;
const PAGING = ['limit', 'starting_after'];
const SUBSCRIPTION_FLOWS = ['subscription_update', 'subscription_cancel'] as const;

/** `customer=…&flow_data[type]=…&flow_data[subscription_update][subscription]=…` */
function portalSessionParams(body: URLSearchParams): FakePortalSessionParams {
  const type = body.get('flow_data[type]');
  const flowSubscription = (flow: (typeof SUBSCRIPTION_FLOWS)[number]) => {
    const subscription = body.get(`flow_data[${flow}][subscription]`);
    return subscription === null ? undefined : { subscription };
  };
  return {
    customer: body.get('customer') ?? undefined,
    return_url: body.get('return_url') ?? undefined,
    configuration: body.get('configuration') ?? undefined,
    flow_data: type === null ? undefined : { type, subscription_update: flowSubscription('subscription_update'), subscription_cancel: flowSubscription('subscription_cancel') },
  };
}

export const billingRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/subscriptions$/,
    accepts: ['customer', 'status', ...PAGING],
    handle({ path, query }, { world }) {
      const customer = query.get('customer');
      const status = query.get('status');
      // Without a status Stripe leaves canceled subscriptions out; `all` brings them back.
      const matches = (s: { status: string }) => status === 'all' || (status ? s.status === status : s.status !== 'canceled');
      const subscriptions = newestFirst(world.state.subscriptions.values()).filter((s) => (!customer || s.customer === customer) && matches(s));
      return list(path, subscriptions, query);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/subscriptions\/(?<id>[^/]+)$/,
    handle({ params }, { world }) {
      return ok(found(world.state.subscriptions, params.id!, 'subscription'));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/invoices$/,
    accepts: ['customer', ...PAGING],
    handle({ path, query }, { world }) {
      const customer = query.get('customer');
      return list(path, newestFirst(world.state.invoices.values()).filter((i) => !customer || i.customer === customer), query);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/invoices\/(?<id>[^/]+)$/,
    handle({ params }, { world }) {
      return ok(found(world.state.invoices, params.id!, 'invoice'));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/invoices\/(?<id>[^/]+)\/lines$/,
    accepts: PAGING,
    handle({ params, path, query }, { world }) {
      found(world.state.invoices, params.id!, 'invoice');
      return list(path, world.state.invoiceLines.get(params.id!) ?? [], query);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/invoices\/(?<id>[^/]+)\/pay$/,
    accepts: ['paid_out_of_band'],
    handle({ params }, { world }) {
      return ok(world.payInvoice(params.id!));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/billing_portal\/sessions$/,
    accepts: ['customer', 'return_url', 'configuration', 'flow_data[type]', ...SUBSCRIPTION_FLOWS.map((flow) => `flow_data[${flow}][subscription]`)],
    handle({ body }, { world }) {
      return ok(world.createPortalSession(portalSessionParams(body)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/billing\/meters\/(?<id>[^/]+)\/event_summaries$/,
    accepts: ['customer', 'start_time', 'end_time', 'value_grouping_window', ...PAGING],
    handle({ params, query, path }, { world }) {
      const customer = query.get('customer');
      const start = Number(query.get('start_time'));
      const end = Number(query.get('end_time'));
      if (!customer) throw missingParam('customer');
      if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) throw invalidRequest('Invalid start_time or end_time.', { param: 'start_time' });
      if (query.get('value_grouping_window') !== 'day') throw invalidRequest('This fake groups by day only.', { param: 'value_grouping_window' });
      if (start % DAY !== 0 || end % DAY !== 0) throw invalidRequest('start_time and end_time must align with the day window.', { param: 'start_time' });
      const sums = new Map<number, number>();
      for (const e of world.state.meterEvents) {
        if (e.meter !== params.id || e.customer !== customer || e.timestamp < start || e.timestamp >= end) continue;
        const window = e.timestamp - (e.timestamp % DAY);
        sums.set(window, (sums.get(window) ?? 0) + e.value);
      }
      const summaries = [...sums]
        .sort(([a], [b]) => b - a)
        .map(([window, value]) => ({ id: `mtrusg_${params.id}_${window}`, object: 'billing.meter_event_summary', aggregated_value: value, start_time: window, end_time: window + DAY, livemode: false, meter: params.id }));
      return list(path, summaries, query);
    },
  },
];
