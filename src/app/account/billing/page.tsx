import { can } from '@config/permissions';
import { billingOverviewOf } from '@/modules/billing/service';
import { requirePortalSession } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { stripeSettings } from '@/platform/stripe/settings';
import { BillingAccessNote } from './billing-access-note';
import { DetailsForm } from './details-form';
import { loadBilling } from './load-billing';
import { PlanSection } from './plan-section';
import { TaxIdsSection } from './tax-ids-section';

export const metadata = { title: 'Billing' };

export default async function BillingPage() {
  const session = await requirePortalSession();
  const role = session.role;
  if (!can(role, 'billing.read')) return <BillingAccessNote heading="Billing" organizationName={session.organization.name} role={role} />;

  const { billing, stripeProblem } = await loadBilling(await getDb(), session.organization.id);
  const overview = billingOverviewOf(billing);

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Billing</h1>
          <p className="muted">Your plan, how you pay, and who the invoices are made out to.</p>
        </div>
      </div>
      {overview.provider === 'stripe' && stripeSettings()?.demo ? (
        <p className="banner" role="note">
          <strong>Demo billing.</strong> This plan is billed through a local Stripe simulator: cards, plan changes and invoices work as with Stripe, and no
          card is charged.
        </p>
      ) : null}
      {stripeProblem ? (
        <p className="banner banner-warning" role="alert">
          {stripeProblem}
        </p>
      ) : null}
      <PlanSection overview={overview} canOpenPortal={can(role, 'billing.open_portal')} />
      <DetailsForm details={overview.details} editable={can(role, 'billing.update_details')} />
      <TaxIdsSection taxIds={overview.details.taxIds} canAdd={can(role, 'billing.add_tax_id')} canRemove={can(role, 'billing.remove_tax_id')} />
    </div>
  );
}
