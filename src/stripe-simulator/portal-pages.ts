// The billing portal a session links to, as a person uses it: update the card, change the plan,
// cancel. Each form changes the world as Stripe's portal would, the simulator delivers the events it
// appended (when webhooks are on), then the browser goes back to the session's return URL.
import type { FakeContext, FakeRequest, FakeRoute, Reply } from './http';
import type { FakePortalSession, FakeSubscription } from './objects';
import { escapeHtml, html } from './html';

const CARDS = {
  visa: { label: 'Visa ending 4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2031 },
  mastercard: { label: 'Mastercard ending 4444', brand: 'mastercard', last4: '4444', expMonth: 8, expYear: 2030 },
  amex: { label: 'American Express ending 0005', brand: 'amex', last4: '0005', expMonth: 3, expYear: 2032 },
} as const;

const PLANS = {
  Starter: 1_900,
  Pro: 4_900,
  Business: 9_900,
} as const;

function currentSubscription(context: FakeContext, session: FakePortalSession): FakeSubscription | undefined {
  return [...context.world.state.subscriptions.values()].find((s) => s.customer === session.customer && s.status !== 'canceled');
}

const radios = (name: string, options: [value: string, label: string][], checked?: string) =>
  options.map(([value, label], i) => `<label><input type="radio" name="${name}" value="${value}" ${value === checked || (!checked && i === 0) ? 'checked' : ''}> ${escapeHtml(label)}</label>`).join('<br>');

function cardForm(session: FakePortalSession): string {
  const options = Object.entries(CARDS).map(([value, card]): [string, string] => [value, card.label]);
  return `<section><h2>Payment method</h2><form method="post" action="/portal/${session.id}/payment-method">${radios('card', options)}<p><button type="submit">Save card</button></p></form></section>`;
}

function planForm(session: FakePortalSession, subscription: FakeSubscription): string {
  const item = subscription.items.data[0]!;
  const options = Object.entries(PLANS).map(([name, amount]): [string, string] => [name, `${name}: ${(amount / 100).toFixed(2)} ${item.price.currency.toUpperCase()} per seat / ${item.price.recurring?.interval ?? 'month'}`]);
  return `<section><h2>Plan</h2><form method="post" action="/portal/${session.id}/plan">${radios('plan', options, item.price.nickname ?? undefined)}<p><label>Seats <input type="number" name="seats" min="1" max="500" value="${item.quantity}"></label></p><p><button type="submit">Change plan</button></p></form></section>`;
}

function cancelForm(session: FakePortalSession, subscription: FakeSubscription): string {
  if (subscription.cancel_at_period_end) return '<section><h2>Cancel</h2><p>Your plan is canceled at the end of the current period.</p></section>';
  return `<section><h2>Cancel</h2><p>Your plan stays active until the end of the current period.</p><form method="post" action="/portal/${session.id}/cancel"><button type="submit">Cancel plan</button></form></section>`;
}

function portalPage(session: FakePortalSession, context: FakeContext): Reply {
  const subscription = currentSubscription(context, session);
  const flow = session.flow?.type;
  const sections = [
    !flow || flow === 'payment_method_update' ? cardForm(session) : '',
    subscription && (!flow || flow === 'subscription_update') ? planForm(session, subscription) : '',
    subscription && (!flow || flow === 'subscription_cancel') ? cancelForm(session, subscription) : '',
  ].join('');
  const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to ${escapeHtml(new URL(session.return_url).host)}</a></p>` : '';
  return html(
    200,
    'Demo billing portal',
    `<p role="note"><strong>Demo billing.</strong> A local Stripe simulator: no card is charged and nothing leaves this machine.</p><h1>Billing portal</h1>${sections}${back}`,
  );
}

/** After a change: deliver its events, then back to where the customer came from. */
async function done(session: FakePortalSession, context: FakeContext): Promise<Reply> {
  await context.deliverEvents();
  return session.return_url ? { status: 303, location: session.return_url } : html(200, 'Saved', '<p>Saved.</p>');
}

type Change = (request: FakeRequest, session: FakePortalSession, context: FakeContext) => Reply | void;

function portalForm(action: string, change: Change): FakeRoute {
  return {
    method: 'POST',
    pattern: new RegExp(`^/portal/(?<id>[^/]+)/${action}$`),
    async handle(request, context) {
      const session = context.world.state.portalSessions.get(request.params.id!);
      if (!session) return html(404, 'Not found', '<p>No such billing portal session.</p>');
      return change(request, session, context) ?? done(session, context);
    },
  };
}

const refused = (message: string) => html(422, 'Not saved', `<p>${escapeHtml(message)}</p>`);

export const portalRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/portal\/(?<id>[^/]+)$/,
    handle({ params }, context) {
      const session = context.world.state.portalSessions.get(params.id!);
      return session ? portalPage(session, context) : html(404, 'Not found', '<p>No such billing portal session.</p>');
    },
  },
  portalForm('payment-method', ({ body }, session, { world }) => {
    const card = CARDS[body.get('card') as keyof typeof CARDS];
    if (!card) return refused('Choose a card.');
    world.attachPaymentMethod(session.customer, card, { makeDefault: true });
  }),
  portalForm('plan', ({ body }, session, context) => {
    const subscription = currentSubscription(context, session);
    const plan = body.get('plan') as keyof typeof PLANS;
    const seats = Number(body.get('seats'));
    if (!subscription || !(plan in PLANS) || !Number.isInteger(seats) || seats < 1 || seats > 500) return refused('Choose a plan and between 1 and 500 seats.');
    context.world.updateSubscription(subscription.id, { nickname: plan, unitAmount: PLANS[plan], quantity: seats, cancelAtPeriodEnd: false });
  }),
  portalForm('cancel', (_request, session, context) => {
    const subscription = currentSubscription(context, session);
    if (!subscription) return refused('There is no plan to cancel.');
    context.world.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
  }),
];
