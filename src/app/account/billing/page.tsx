import { billingScreenQuery } from '@/modules/billing/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { BillingAccessNote } from './billing-access-note';
import { DetailsForm } from './details-form';
import { PlanSection } from './plan-section';
import { PortalFlowPrompt } from './portal-flow-prompt';
import { isPromptedFlow } from './portal-flows';
import { TaxIdsSection } from './tax-ids-section';

export const metadata = { title: 'Billing' };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ flow?: string | string[] }> }) {
  const { flow } = await searchParams;
  const session = await requirePortalSession();
  const read = await readPage(billingScreenQuery, {});
  if (read.status !== 'ok') return <BillingAccessNote heading="Billing" organizationName={session.organization.name} role={session.role} />;
  const { overview, stripeProblem, demo, allowed } = read.data;

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Billing</h1>
          <p className="muted">Your plan, how you pay, and who the invoices are made out to.</p>
        </div>
      </div>
      {demo ? (
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
      {isPromptedFlow(flow) && allowed.openPortal && overview.provider === 'stripe' ? <PortalFlowPrompt flow={flow} /> : null}
      <PlanSection overview={overview} canOpenPortal={allowed.openPortal} />
      <DetailsForm details={overview.details} editable={allowed.updateDetails} syncing={overview.detailsSyncing} />
      <TaxIdsSection taxIds={overview.details.taxIds} canAdd={allowed.addTaxId} canRemove={allowed.removeTaxId} />
    </div>
  );
}
