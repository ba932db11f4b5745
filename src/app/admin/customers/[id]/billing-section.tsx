import type { ReactNode } from 'react';
import type { CustomerOverview } from '@/modules/customers/service';
import { SubscriptionStatusBadge } from '@/app/account/billing/status-badge';
import { formatDate } from '@/ui/date';
import { formatMoney } from '@/ui/money';

const providers = { stripe: 'Stripe', contract: 'Contract (invoiced by the product)', none: 'Not billed through the portal' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </div>
  );
}

/**
 * Plan and billing state as the portal's mirror holds it (no call to Stripe). `actions` is the slot
 * of the staff actions on the customer's billing (re-sync from Stripe).
 */
export function BillingSection({ overview, actions }: { overview: CustomerOverview; actions?: ReactNode }) {
  const { billing, organization } = overview;
  const card = billing.paymentMethod;
  const address = billing.details.address;
  return (
    <section className="card stack" aria-labelledby="billing-heading">
      <div className="row row-between">
        <h2 id="billing-heading">Plan and billing</h2>
        {actions}
      </div>
      {billing.provider === 'stripe' && !billing.synced ? <p className="banner banner-warning">Not fetched from Stripe yet: the customer’s first look at Billing, or a re-sync, fetches it.</p> : null}
      <dl className="facts">
        <Fact label="Plan">{billing.plan}</Fact>
        <Fact label="Billed by">{providers[billing.provider]}</Fact>
        <Fact label="Status">{billing.status ? <SubscriptionStatusBadge status={billing.status} /> : null}</Fact>
        <Fact label={billing.cancelAtPeriodEnd ? 'Ends' : 'Next billing date'}>{billing.nextBillingDate ? formatDate(billing.nextBillingDate) : null}</Fact>
        <Fact label="Next amount">{billing.amount !== null && billing.currency ? formatMoney(billing.amount, billing.currency) : null}</Fact>
        <Fact label="Card">{card ? `${card.brand} •••• ${card.last4}, expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear}` : null}</Fact>
        <Fact label="Stripe customer">{organization.stripeCustomerId ? <span className="mono">{organization.stripeCustomerId}</span> : null}</Fact>
        <Fact label="Billing email">{billing.details.billingEmail}</Fact>
        <Fact label="Company on invoices">{billing.details.companyName}</Fact>
        <Fact label="Address">{address ? [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.state, address.country].filter(Boolean).join(', ') : null}</Fact>
        <Fact label="Tax IDs">
          {billing.details.taxIds.length > 0
            ? billing.details.taxIds.map((t) => (
                <span key={t.id} className="row nowrap">
                  <span className="mono">{t.value}</span> <span className="badge">{t.verification}</span>
                </span>
              ))
            : null}
        </Fact>
        {billing.contract ? <Fact label="Contract terms">{billing.contract.terms}</Fact> : null}
      </dl>
    </section>
  );
}
