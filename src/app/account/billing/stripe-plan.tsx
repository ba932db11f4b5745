import { planLabels, type Plan } from '@config/plans';
import type { BillingOverview, PaymentMethodSummary } from '@/modules/billing/service';
import { formatMoney } from '@/ui/money';
import { formatDate } from '@/ui/date';
import { PortalButtons } from './portal-buttons';
import { SubscriptionStatusBadge } from './status-badge';

const brands: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay', cartes_bancaires: 'Cartes Bancaires' };

/** "Visa •••• 4242, expires 12/2030". */
function cardSummary(card: PaymentMethodSummary | null): string {
  if (!card) return 'No card on file';
  const brand = brands[card.brand] ?? card.brand;
  return `${brand} •••• ${card.last4}, expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
}

function nextCharge({ status, cancelAtPeriodEnd, nextBillingDate, amount, currency }: BillingOverview): string {
  if (cancelAtPeriodEnd) return 'Cancels at period end. You are not charged again.';
  if (status === 'canceled') return 'Canceled. You are not charged again.';
  if (!status) return 'No subscription.';
  if (nextBillingDate && amount !== null && currency) return `Renews on ${formatDate(nextBillingDate)} for ${formatMoney(amount, currency)}`;
  return 'No upcoming charge.';
}

/** A Stripe customer's plan, next charge and card, with the ways into Stripe's billing portal. */
export function StripePlan({ overview, canOpenPortal }: { overview: BillingOverview; canOpenPortal: boolean }) {
  const live = overview.status !== null && overview.status !== 'canceled';
  return (
    <section className="card stack" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan</h2>
      {overview.synced ? (
        <dl className="facts">
          <div>
            <dt>Plan</dt>
            <dd className="row">
              <strong>{planLabels[overview.plan as Plan] ?? overview.plan}</strong>
              <SubscriptionStatusBadge status={overview.status} />
            </dd>
          </div>
          <div>
            <dt>Next charge</dt>
            <dd>{nextCharge(overview)}</dd>
          </div>
          <div>
            <dt>Payment method</dt>
            <dd>{cardSummary(overview.paymentMethod)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">Your plan and card show here once Stripe answers.</p>
      )}
      {canOpenPortal ? <PortalButtons canChangePlan={live} canCancel={live && !overview.cancelAtPeriodEnd} /> : null}
    </section>
  );
}
