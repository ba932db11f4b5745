import type { ReactNode } from 'react';
import type { CustomerOverview } from '@/modules/customers/service';
import type { InvitationView } from '@/modules/team/service';
import { formatDate, formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

/**
 * Members and the invitations still open. `invitationActions` is the slot of the staff actions on
 * an invitation (resend, revoke): given, the invitations table gets a column for them.
 */
export function TeamSection({ overview, invitationActions }: { overview: CustomerOverview; invitationActions?: (invitation: InvitationView) => ReactNode }) {
  const { members, invitations, seats } = overview;
  return (
    <section className="card stack" aria-labelledby="team-heading">
      <div className="row row-between">
        <h2 id="team-heading">Members</h2>
        <span className="small muted">
          {seats.used} of {seats.limit ?? 'unlimited'} seats used{seats.full ? ' (full)' : ''}
        </span>
      </div>
      <Table
        caption="Members"
        hideCaption
        columns={[
          { key: 'email', header: 'Member', rowHeader: true },
          { key: 'role', header: 'Role' },
          { key: 'active', header: 'Last active' },
        ]}
        rows={members.map((m) => ({
          key: m.id,
          email: (
            <span className="stack stack-sm">
              <span>{m.email}</span>
              <span className="small muted">{m.name}</span>
            </span>
          ),
          role: m.role,
          active: m.lastActiveAt ? formatDateTime(m.lastActiveAt) : 'Never',
        }))}
        empty={<EmptyState title="No members" description="Nobody belongs to this organization." />}
      />
      <h3>Pending invitations</h3>
      <Table
        caption="Pending invitations"
        hideCaption
        columns={[
          { key: 'email', header: 'Invited', rowHeader: true },
          { key: 'role', header: 'Role' },
          { key: 'by', header: 'Invited by' },
          { key: 'expires', header: 'Expires' },
          ...(invitationActions ? [{ key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' as const }] : []),
        ]}
        rows={invitations.map((i) => ({
          key: i.id,
          email: i.email,
          role: i.role,
          by: i.invitedBy ?? '—',
          expires: i.expired ? <span className="badge badge-warning">Expired {formatDate(i.expiresAt)}</span> : formatDate(i.expiresAt),
          actions: invitationActions?.(i),
        }))}
        empty={<p className="muted small">No invitation is open.</p>}
      />
    </section>
  );
}
