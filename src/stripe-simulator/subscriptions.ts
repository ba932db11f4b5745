// Subscriptions of one price each, changed as Stripe's API or dashboard would change them.
import { fakeId, found, liveCustomer, type FakeStripeCore } from './core';
import { invalidRequest } from './errors';
import type { FakeInterval, FakeSubscription, FakeSubscriptionStatus } from './objects';

export type FakeSubscriptionInput = {
  nickname: string;
  unitAmount: number;
  currency: string;
  interval: FakeInterval;
  quantity?: number;
  status?: FakeSubscriptionStatus;
  /** Unix seconds; by default the period starts now and lasts one interval. */
  periodStart?: number;
  periodEnd?: number;
};

export type FakeSubscriptionPatch = {
  status?: FakeSubscriptionStatus;
  quantity?: number;
  unitAmount?: number;
  nickname?: string;
  cancelAtPeriodEnd?: boolean;
  periodStart?: number;
  periodEnd?: number;
};

/** The same day and time one interval later, in UTC. */
function addInterval(seconds: number, interval: FakeInterval): number {
  const date = new Date(seconds * 1000);
  date.setUTCMonth(date.getUTCMonth() + (interval === 'year' ? 12 : 1));
  return date.getTime() / 1000;
}

export function subscriptionMutators(core: FakeStripeCore) {
  const { state } = core;
  const subscription = (id: string) => found(state.subscriptions, id, 'subscription');

  return {
    createSubscription(customerId: string, input: FakeSubscriptionInput): FakeSubscription {
      const customer = liveCustomer(state, customerId);
      const id = fakeId('sub');
      const periodStart = input.periodStart ?? core.now();
      const created: FakeSubscription = {
        id,
        object: 'subscription',
        customer: customer.id,
        status: input.status ?? 'active',
        cancel_at_period_end: false,
        canceled_at: null,
        created: core.now(),
        currency: input.currency,
        livemode: false,
        metadata: {},
        items: {
          object: 'list',
          has_more: false,
          url: `/v1/subscription_items?subscription=${id}`,
          data: [
            {
              id: fakeId('si'),
              object: 'subscription_item',
              quantity: input.quantity ?? 1,
              current_period_start: periodStart,
              current_period_end: input.periodEnd ?? addInterval(periodStart, input.interval),
              metadata: {},
              price: {
                id: fakeId('price'),
                object: 'price',
                unit_amount: input.unitAmount,
                currency: input.currency,
                nickname: input.nickname,
                product: fakeId('prod'),
                recurring: { interval: input.interval, interval_count: 1 },
                livemode: false,
                metadata: {},
              },
            },
          ],
        },
      };
      state.subscriptions.set(id, created);
      core.emit('customer.subscription.created', created);
      return created;
    },

    updateSubscription(id: string, patch: FakeSubscriptionPatch): FakeSubscription {
      return core.change('customer.subscription.updated', subscription(id), (s) => {
        const item = s.items.data[0]!;
        if (patch.status !== undefined) s.status = patch.status;
        if (patch.cancelAtPeriodEnd !== undefined) s.cancel_at_period_end = patch.cancelAtPeriodEnd;
        if (patch.quantity !== undefined) item.quantity = patch.quantity;
        if (patch.periodStart !== undefined) item.current_period_start = patch.periodStart;
        if (patch.periodEnd !== undefined) item.current_period_end = patch.periodEnd;
        if (patch.nickname !== undefined) item.price.nickname = patch.nickname;
        // A price's amount never changes at Stripe: another amount is another price of the product.
        if (patch.unitAmount !== undefined && patch.unitAmount !== item.price.unit_amount) {
          item.price = { ...item.price, id: fakeId('price'), unit_amount: patch.unitAmount };
        }
      });
    },

    /** Cancels at once (not at the period's end), as DELETE /v1/subscriptions/:id does. */
    cancelSubscription(id: string): FakeSubscription {
      const canceled = subscription(id);
      if (canceled.status === 'canceled') throw invalidRequest(`The subscription ${id} is already canceled.`, { param: 'subscription' });
      canceled.status = 'canceled';
      canceled.canceled_at = core.now();
      core.emit('customer.subscription.deleted', canceled);
      return canceled;
    },
  };
}
