'use client';

import { staffRoles } from '@config/permissions';
import { CopyButton } from '@/ui/copy-button';
import { Field } from '@/ui/action-form';
import { ActionForm, useFormState } from '@/ui/action-form';
import { inviteStaffAction } from './actions';

/** The set-up link of the staff member just added: shown here once, never stored in the clear. */
function SetUpLink() {
  const state = useFormState();
  if (state.status !== 'success' || !state.data) return null;
  const { email, setupUrl } = state.data as { email: string; setupUrl: string };
  return (
    <div className="banner banner-warning stack-sm" role="note">
      <strong>Send this set-up link to {email} now: it is shown only once and works once, for three days.</strong>
      <div className="row">
        <input className="input mono grow" readOnly value={setupUrl} aria-label="Set-up link" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={setupUrl} />
      </div>
    </div>
  );
}

export function InviteStaff() {
  return (
    <ActionForm action={inviteStaffAction} submitLabel="Add staff member" pendingLabel="Adding…" resetOnSuccess label="Add a staff member">
      <div className="row">
        <Field label="Email" name="email" type="email" autoComplete="off" required fieldClassName="grow" />
        <Field label="Role" name="role">
          <select name="role" className="input" defaultValue="agent">
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SetUpLink />
    </ActionForm>
  );
}
