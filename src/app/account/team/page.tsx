import Link from 'next/link';
import { notFound } from 'next/navigation';
import { planLabels, type Plan } from '@config/plans';
import { teamScreenQuery } from '@/modules/team/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { ActionForm, Field } from '@/ui/action-form';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { inviteAction, leaveAction, removeMemberAction, resendInvitationAction, revokeInvitationAction } from './actions';
import { RoleSelect } from './role-select';
import { TransferOwnership } from './transfer-ownership';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Team' };

export default async function TeamPage() {
  const session = await requirePortalSession();
  const read = await readPage(teamScreenQuery, {});
  if (read.status !== 'ok') notFound();
  const team = read.data;
  const { seats, allowed } = team;
  const canInvite = allowed.invite;
  const plan = planLabels[team.plan as Plan] ?? team.plan;

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p className="muted">
            {seats.limit === null ? `${seats.used} seats used on the ${plan} plan.` : `${seats.used} of ${seats.limit} seats used on the ${plan} plan.`}
          </p>
        </div>
      </div>

      {canInvite ? (
        <section className="card stack" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite a teammate</h2>
          {seats.full ? (
            <p className="banner banner-warning" role="status">
              All {seats.limit} seats of the {plan} plan are in use. <Link href={portalPath('/account/billing')}>Upgrade your plan</Link> to invite more people.
            </p>
          ) : null}
          <ActionForm action={inviteAction} submitLabel="Send invitation" pendingLabel="Sending…" resetOnSuccess label="Invite a teammate">
            <div className="row">
              <Field label="Email" name="email" type="email" autoComplete="off" required fieldClassName="grow" />
              <Field label="Role" name="role">
                <select name="role" className="input" defaultValue={allowed.inviteRoles.includes('member') ? 'member' : allowed.inviteRoles.at(-1)}>
                  {allowed.inviteRoles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          </ActionForm>
        </section>
      ) : null}

      <Table
        caption="Members"
        columns={[
          { key: 'name', header: 'Name', rowHeader: true },
          { key: 'email', header: 'Email' },
          { key: 'role', header: 'Role' },
          { key: 'lastActive', header: 'Last active' },
          { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' },
        ]}
        rows={team.members.map((m) => {
          const { self, roleOptions } = m;
          return {
            key: m.id,
            name: self ? `${m.name} (you)` : m.name,
            email: m.email,
            role: !self && roleOptions.length > 0 ? <RoleSelect memberId={m.id} memberName={m.name} role={m.role} options={roleOptions} /> : <span className="badge">{m.role}</span>,
            lastActive: m.lastActiveAt ? formatDate(m.lastActiveAt) : 'Never',
            actions: self ? (
              allowed.leave ? (
                <ConfirmActionForm action={leaveAction} size="sm" variant="secondary" title={`Leave ${session.organization.name}?`} description="You lose access at once. Someone will have to invite you again." confirmLabel="Leave" danger>
                  Leave organization
                </ConfirmActionForm>
              ) : null
            ) : m.removable ? (
              <ConfirmActionForm
                action={removeMemberAction}
                fields={{ memberId: m.id }}
                size="sm"
                variant="secondary"
                title={`Remove ${m.name}?`}
                description={`${m.email} loses access to ${session.organization.name} at once.`}
                confirmLabel="Remove"
                danger
                aria-label={`Remove ${m.name}`}
              >
                Remove
              </ConfirmActionForm>
            ) : null,
          };
        })}
      />

      <section className="stack" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Pending invitations</h2>
        <Table
          caption="Pending invitations"
          hideCaption
          columns={[
            { key: 'email', header: 'Email', rowHeader: true },
            { key: 'role', header: 'Role' },
            { key: 'invitedBy', header: 'Invited by' },
            { key: 'expires', header: 'Expires' },
            { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' },
          ]}
          rows={team.invitations.map((i) => ({
            key: i.id,
            email: i.email,
            role: i.role,
            invitedBy: i.invitedBy ?? '—',
            expires: i.expired ? <span className="badge badge-warning">Expired</span> : formatDate(i.expiresAt),
            actions: canInvite ? (
              <span className="row row-end">
                <ConfirmActionForm action={resendInvitationAction} fields={{ invitationId: i.id }} size="sm" variant="secondary" title={`Resend the invitation to ${i.email}?`} description="A new link is sent; the old one stops working." confirmLabel="Resend" aria-label={`Resend invitation to ${i.email}`}>
                  Resend
                </ConfirmActionForm>
                <ConfirmActionForm action={revokeInvitationAction} fields={{ invitationId: i.id }} size="sm" variant="secondary" title={`Revoke the invitation to ${i.email}?`} description="The link in their email stops working." confirmLabel="Revoke" danger aria-label={`Revoke invitation to ${i.email}`}>
                  Revoke
                </ConfirmActionForm>
              </span>
            ) : null,
          }))}
          empty={<EmptyState title="No pending invitations" description={canInvite ? 'Invite a teammate above.' : undefined} />}
        />
      </section>

      {allowed.transferOwnership ? (
        <TransferOwnership organizationName={session.organization.name} candidates={team.members.filter((m) => !m.self).map((m) => ({ id: m.id, label: `${m.name} (${m.email})` }))} />
      ) : null}
    </div>
  );
}
