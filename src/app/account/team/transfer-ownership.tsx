'use client';

import { ConfirmButton } from '@/ui/dialog';
import { FormField } from '@/ui/form-field';
import { useToastingAction } from '@/ui/use-toasting-action';
import { transferOwnershipAction } from './actions';

export function TransferOwnership({ organizationName, candidates }: { organizationName: string; candidates: { id: string; label: string }[] }) {
  // On success this section disappears (the caller is no longer owner): the hook toasts regardless.
  const [, action] = useToastingAction(transferOwnershipAction);
  if (candidates.length === 0) return null;
  return (
    <section className="card stack danger-zone" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Transfer ownership</h2>
      <p className="muted">The new owner gets full control, including billing. You stay on as an admin.</p>
      <form action={action} className="stack">
        <FormField label="New owner" name="memberId">
          <select name="memberId" className="input" required defaultValue="">
            <option value="" disabled>
              Choose a member…
            </option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </FormField>
        <div className="row">
          <ConfirmButton
            title="Transfer ownership?"
            description={`Type the organization name, ${organizationName}, to confirm. You become an admin and cannot undo this yourself.`}
            confirmText={organizationName}
            confirmLabel="Transfer ownership"
            danger
          >
            Transfer ownership
          </ConfirmButton>
        </div>
      </form>
    </section>
  );
}
