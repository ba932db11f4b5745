import type { SessionRow } from '@/modules/account/service';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDateTime } from '@/ui/date';
import { Table } from '@/ui/table';
import { revokeOtherSessionsAction, revokeSessionAction } from './actions';


export function SessionsCard({ sessions }: { sessions: SessionRow[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section className="card stack" aria-labelledby="sessions-heading">
      <div className="row row-between">
        <h2 id="sessions-heading">Sessions</h2>
        {others > 0 ? (
          <ConfirmActionForm
            action={revokeOtherSessionsAction}
            variant="secondary"
            size="sm"
            title="Sign out everywhere else?"
            description={`This signs out ${others} other session${others === 1 ? '' : 's'}. This device stays signed in.`}
            confirmLabel="Sign out others"
            danger
          >
            Sign out everywhere else
          </ConfirmActionForm>
        ) : null}
      </div>
      <Table
        caption="Where you are signed in"
        hideCaption
        columns={[
          { key: 'device', header: 'Device', rowHeader: true },
          { key: 'ip', header: 'IP address' },
          { key: 'lastSeen', header: 'Last seen (UTC)' },
          { key: 'action', header: <span className="sr-only">Actions</span>, align: 'right' },
        ]}
        rows={sessions.map((s) => ({
          key: s.id,
          device: (
            <span className="stack stack-sm">
              <span>{s.browser}</span>
              <span className="small muted">
                {s.device}
                {s.current ? <span className="badge badge-success">This device</span> : null}
              </span>
            </span>
          ),
          ip: <span className="mono">{s.ip ?? '—'}</span>,
          lastSeen: formatDateTime(s.lastSeenAt),
          action: s.current ? null : (
            <ConfirmActionForm
              action={revokeSessionAction}
              fields={{ sessionId: s.id }}
              size="sm"
              variant="secondary"
              title="Revoke this session?"
              description={`${s.browser} on ${s.device} will be signed out at once.`}
              confirmLabel="Revoke"
              danger
              aria-label={`Revoke session ${s.browser} on ${s.device}`}
            >
              Revoke
            </ConfirmActionForm>
          ),
        }))}
      />
    </section>
  );
}
