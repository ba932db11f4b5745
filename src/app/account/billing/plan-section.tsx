import { planLabels, type Plan } from '@config/plans';
import type { BillingOverview } from '@/modules/billing/service';
import { ContractPlan } from './contract-plan';
import { StripePlan } from './stripe-plan';

/** The plan part of the billing screen, by who bills the organization. */
export function PlanSection({ overview, canOpenPortal }: { overview: BillingOverview; canOpenPortal: boolean }) {
  if (overview.provider === 'stripe') return <StripePlan overview={overview} canOpenPortal={canOpenPortal} />;
  if (overview.provider === 'contract') return <ContractPlan overview={overview} />;
  return (
    <section className="card stack" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan</h2>
      <p>
        You are on the <strong>{planLabels[overview.plan as Plan] ?? overview.plan}</strong> plan. Billing isn’t connected for your organization yet, so there is no card or subscription to manage here.
      </p>
      <p className="muted">You can already fill in your billing details and tax IDs below: your first invoice will be made out to them.</p>
    </section>
  );
}
