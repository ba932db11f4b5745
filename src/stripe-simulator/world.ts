// Stripe's side of the world, in memory: the objects and the mutators a test uses the way Stripe's
// dashboard or API would, each appending the events Stripe would send. The HTTP routes use it too.
import { createCore } from './core';
import { customerMutators } from './customers';
import { invoiceMutators } from './invoices';
import { portalMutators } from './portal';
import { subscriptionMutators } from './subscriptions';

export type FakeStripeWorld = ReturnType<typeof createFakeStripeWorld>;

export function createFakeStripeWorld(baseUrl: string) {
  const core = createCore(baseUrl);
  const customers = customerMutators(core);
  const subscriptions = subscriptionMutators(core);
  return {
    state: core.state,
    /** Unix seconds for everything created or changed from now on; null for the real time. */
    setClock: core.setClock,
    ...customers,
    ...subscriptions,
    ...invoiceMutators(core),
    ...portalMutators(core),
    /** Deleting a customer cancels its subscriptions at once, as at Stripe. */
    deleteCustomer(id: string) {
      for (const subscription of core.state.subscriptions.values()) {
        if (subscription.customer === id && subscription.status !== 'canceled') subscriptions.cancelSubscription(subscription.id);
      }
      return customers.deleteCustomer(id);
    },
  };
}
