// Billing portal sessions: the link Stripe hands out for a customer, optionally deep into one flow.
import type Stripe from 'stripe';
import { fakeId, liveCustomer, type FakeStripeCore } from './core';
import { invalidRequest, missingParam, noSuch } from './errors';
import type { FakePortalFlow, FakePortalFlowType, FakePortalSession } from './objects';

export type FakePortalSessionParams = Pick<Stripe.BillingPortal.SessionCreateParams, 'customer' | 'return_url' | 'configuration' | 'flow_data'>;

const FLOW_TYPES: readonly FakePortalFlowType[] = ['payment_method_update', 'subscription_update', 'subscription_cancel'];
const isFlowType = (type: string): type is FakePortalFlowType => (FLOW_TYPES as readonly string[]).includes(type);

export function portalMutators(core: FakeStripeCore) {
  const { state } = core;
  // Stripe answers with the account's default configuration when none is given.
  const defaultConfiguration = fakeId('bpc');

  /** The subscription a subscription flow is about: the customer's own, and not canceled. */
  function flowSubscription(customerId: string, type: 'subscription_update' | 'subscription_cancel', flowData: Stripe.BillingPortal.SessionCreateParams.FlowData): string {
    const param = `flow_data[${type}][subscription]`;
    const id = flowData[type]?.subscription;
    if (!id) throw missingParam(param);
    const subscription = state.subscriptions.get(id);
    if (!subscription || subscription.customer !== customerId) throw noSuch('subscription', id, { param, status: 400 });
    if (subscription.status === 'canceled') throw invalidRequest(`The subscription ${id} is canceled.`, { param });
    return id;
  }

  function flowOf(customerId: string, flowData: Stripe.BillingPortal.SessionCreateParams.FlowData): FakePortalFlow {
    const { type } = flowData;
    if (!isFlowType(type)) throw invalidRequest(`Invalid flow_data[type]: must be one of ${FLOW_TYPES.join(', ')}.`, { param: 'flow_data[type]' });
    return {
      type,
      after_completion: { type: 'portal_homepage', hosted_confirmation: null, redirect: null },
      customer_update: null,
      subscription_cancel: type === 'subscription_cancel' ? { retention: null, subscription: flowSubscription(customerId, type, flowData) } : null,
      subscription_pause: null,
      subscription_update: type === 'subscription_update' ? { subscription: flowSubscription(customerId, type, flowData) } : null,
      subscription_update_confirm: null,
    };
  }

  return {
    createPortalSession(params: FakePortalSessionParams): FakePortalSession {
      if (!params.customer) throw missingParam('customer');
      const customer = liveCustomer(state, params.customer, 'customer');
      if (params.return_url && !URL.canParse(params.return_url)) throw invalidRequest('Not a valid URL', { code: 'url_invalid', param: 'return_url' });
      const id = fakeId('bps');
      const session: FakePortalSession = {
        id,
        object: 'billing_portal.session',
        customer: customer.id,
        return_url: params.return_url ?? null,
        configuration: params.configuration ?? defaultConfiguration,
        flow: params.flow_data ? flowOf(customer.id, params.flow_data) : null,
        url: `${core.baseUrl}/portal/${id}`,
        created: core.now(),
        livemode: false,
      };
      state.portalSessions.set(id, session);
      core.emit('billing_portal.session.created', session);
      return session;
    },
  };
}
