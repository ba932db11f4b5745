import type { Role } from '@config/permissions';
import { EmptyState } from '@/ui/empty-state';

/** What someone without billing access sees on a billing screen instead: why, and whom to ask. */
export function BillingAccessNote({ heading, organizationName, role }: { heading: string; organizationName: string; role: Role }) {
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>{heading}</h1>
        </div>
      </div>
      <EmptyState
        title="Billing is handled by your organization’s billing team"
        description={`Your role (${role}) does not include billing. The owner, admins and billing managers of ${organizationName} can see the plan, the payment details and the invoices, and change them.`}
      />
    </div>
  );
}
