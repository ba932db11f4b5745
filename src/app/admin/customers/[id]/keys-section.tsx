import type { CustomerOverview } from '@/modules/customers/service';
import { formatDate, formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

const tones = { active: 'badge-success', expiring: 'badge-warning', expired: 'badge-danger', revoked: '' } as const;

/** The organization's API keys: what each is and when it was used, never a secret (none is kept). */
export function KeysSection({ overview }: { overview: CustomerOverview }) {
  return (
    <section className="card stack" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <Table
        caption="API keys"
        hideCaption
        columns={[
          { key: 'name', header: 'Key', rowHeader: true },
          { key: 'status', header: 'Status' },
          { key: 'scopes', header: 'Scopes' },
          { key: 'created', header: 'Created' },
          { key: 'used', header: 'Last used' },
          { key: 'expires', header: 'Expires' },
        ]}
        rows={overview.apiKeys.map((k) => ({
          key: k.id,
          name: (
            <span className="stack stack-sm">
              <span>{k.name}</span>
              <span className="small muted mono">{k.prefix}…</span>
            </span>
          ),
          status: <span className={`badge ${tones[k.status]}`}>{k.status}</span>,
          scopes: k.scopes.join(', '),
          created: `${formatDate(k.createdAt)} by ${k.createdBy}`,
          used: k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never',
          expires: k.expiresAt ? formatDate(k.expiresAt) : 'Never',
        }))}
        empty={<EmptyState title="No API keys" description="The customer has not created a key." />}
      />
    </section>
  );
}
