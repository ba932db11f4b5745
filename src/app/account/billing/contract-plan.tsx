import { planLabels, type Plan } from '@config/plans';
import Link from 'next/link';
import type { BillingOverview } from '@/modules/billing/service';
import { formatMoney } from '@/ui/money';
import { formatDate } from '@/ui/date';
import { portalPath } from '@/platform/http/portal-path';

/** A contract customer's terms: set by the contract, so shown and never changed here. */
export function ContractPlan({ overview }: { overview: BillingOverview }) {
  const { contract } = overview;
  return (
    <section className="card stack" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Contract</h2>
      <p className="muted">Your organization is billed under a contract. To change it, contact your account manager.</p>
      <dl className="facts">
        <div>
          <dt>Plan</dt>
          <dd>
            <strong>{planLabels[overview.plan as Plan] ?? overview.plan}</strong>
          </dd>
        </div>
        <div>
          <dt>Terms</dt>
          <dd>{contract?.terms ?? 'As agreed in your contract'}</dd>
        </div>
        <div>
          <dt>Renewal date</dt>
          <dd>{contract?.renewalDate ? formatDate(contract.renewalDate) : '—'}</dd>
        </div>
        <div>
          <dt>Contract amount</dt>
          <dd>{contract ? formatMoney(contract.amount, contract.currency) : '—'}</dd>
        </div>
      </dl>
      <p>
        <Link href={portalPath('/account/invoices')}>View your invoice history</Link>
      </p>
    </section>
  );
}
