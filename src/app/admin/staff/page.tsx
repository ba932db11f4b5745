import { listStaff, type StaffView } from '@/modules/staff/service';
import { requireStaffPage, type StaffActor } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { removeStaffAction, setStaffDisabledAction } from './actions';
import { InviteStaff } from './invite-staff';
import { StaffRoleSelect } from './staff-role-select';

export const metadata = { title: 'Staff' };

const statusLabels: Record<StaffView['status'], { label: string; badge: string }> = {
  active: { label: 'Active', badge: 'badge-success' },
  invited: { label: 'Set-up pending', badge: 'badge-warning' },
  disabled: { label: 'Disabled', badge: 'badge-danger' },
};

function signInOf(s: StaffView): string {
  if (s.viaHost) return 'Your staff tool';
  return s.twoFactorEnabled ? 'Password + two-factor' : 'Password';
}

function actionsFor(s: StaffView) {
  const disabled = s.status === 'disabled';
  return (
    <span className="row row-end">
      <ConfirmActionForm
        action={setStaffDisabledAction}
        fields={{ id: s.id, disabled: String(!disabled) }}
        size="sm"
        variant="secondary"
        title={disabled ? `Let ${s.name} sign in again?` : `Disable ${s.name}?`}
        description={disabled ? `${s.email} can sign in to the console again.` : `${s.email} is signed out at once and cannot sign in until enabled again.`}
        confirmLabel={disabled ? 'Enable' : 'Disable'}
        danger={!disabled}
        aria-label={`${disabled ? 'Enable' : 'Disable'} ${s.name}`}
      >
        {disabled ? 'Enable' : 'Disable'}
      </ConfirmActionForm>
      <ConfirmActionForm
        action={removeStaffAction}
        fields={{ id: s.id }}
        size="sm"
        variant="secondary"
        title={`Remove ${s.name}?`}
        description={`${s.email} loses access to the console at once. Their past actions stay in the audit log.`}
        confirmLabel="Remove"
        danger
        aria-label={`Remove ${s.name}`}
      >
        Remove
      </ConfirmActionForm>
    </span>
  );
}

function rowOf(s: StaffView, me: StaffActor) {
  const self = s.id === me.staffId;
  const status = statusLabels[s.status];
  return {
    key: s.id,
    name: self ? `${s.name} (you)` : s.name,
    email: s.email,
    role: self ? <span className="badge">{s.role}</span> : <StaffRoleSelect id={s.id} name={s.name} role={s.role} />,
    status: <span className={`badge ${status.badge}`}>{status.label}</span>,
    signIn: signInOf(s),
    added: formatDate(s.createdAt),
    actions: self ? null : actionsFor(s),
  };
}

export default async function StaffPage() {
  const me = await requireStaffPage('staff.staff.manage');
  const staff = await listStaff(await getDb());
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Staff</h1>
          <p className="muted">Who may open the console. Agents help customers; leads also manage the staff, replay Stripe events and re-sync customers.</p>
        </div>
      </div>

      <section className="card stack" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Add a staff member</h2>
        <p className="small muted">They get a one-time set-up link to choose a password and set up two-factor. Staff your own staff tool signs in appear here on their first visit.</p>
        <InviteStaff />
      </section>

      <Table
        caption="Staff members"
        columns={[
          { key: 'name', header: 'Name', rowHeader: true },
          { key: 'email', header: 'Email' },
          { key: 'role', header: 'Role' },
          { key: 'status', header: 'Status' },
          { key: 'signIn', header: 'Signs in with' },
          { key: 'added', header: 'Added' },
          { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' },
        ]}
        rows={staff.map((s) => rowOf(s, me))}
        empty={<EmptyState title="No staff yet" description="Add the first staff member above." />}
      />
    </div>
  );
}
