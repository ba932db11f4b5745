import { apiKeysScreenQuery } from '@/modules/api-keys/queries';
import type { KeyView } from '@/modules/api-keys/service';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDate, formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { revokeKeyAction } from './actions';
import { CreateKeyDialog } from './create-key-dialog';
import { RotateKeyDialog } from './rotate-key-dialog';
import { SecretRevealProvider } from './secret-reveal';

export const metadata = { title: 'API keys' };

function StatusBadge({ apiKey }: { apiKey: KeyView }) {
  switch (apiKey.status) {
    case 'active':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge badge-success">Active</span>
          <span className="small muted nowrap">{apiKey.expiresAt ? `Expires ${formatDate(apiKey.expiresAt)}` : 'Never expires'}</span>
        </span>
      );
    case 'expiring':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge badge-warning">Expiring</span>
          <span className="small muted nowrap">at {formatDateTime(apiKey.expiresAt!)} UTC</span>
        </span>
      );
    case 'expired':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge">Expired</span>
          <span className="small muted nowrap">{formatDate(apiKey.expiresAt!)}</span>
        </span>
      );
    case 'revoked':
      return <span className="badge badge-danger">Revoked</span>;
  }
}

function Header({ children }: { children?: React.ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>API keys</h1>
        <p className="muted">Keys let your servers call the API on behalf of your organization. Anyone holding a key can use it: keep keys secret, and rotate one that may have leaked.</p>
      </div>
      {children}
    </div>
  );
}

export default async function ApiKeysPage() {
  const session = await requirePortalSession();
  const role = session.role;
  const read = await readPage(apiKeysScreenQuery, {});
  if (read.status !== 'ok') {
    return (
      <>
        <Header />
        <EmptyState title="API keys are managed by your developers" description={`Your role (${role}) does not include API keys. Ask an owner or admin of ${session.organization.name} if you need one.`} />
      </>
    );
  }

  const { keys, grantableScopes: scopes, canCreate, atLimit, gracePeriods } = read.data;

  return (
    <SecretRevealProvider>
      <div className="stack stack-lg">
        <Header>{canCreate ? <CreateKeyDialog scopes={scopes} disabledReason={atLimit} /> : null}</Header>
        {atLimit && canCreate ? (
          <p className="banner banner-warning" role="status">
            {atLimit}
          </p>
        ) : null}
        <Table
          caption="API keys"
          hideCaption
          columns={[
            { key: 'name', header: 'Name', rowHeader: true },
            { key: 'scopes', header: 'Scopes' },
            { key: 'created', header: 'Created' },
            { key: 'lastUsed', header: 'Last used' },
            { key: 'status', header: 'Status' },
            { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' },
          ]}
          rows={keys.map((k) => {
            const live = k.status === 'active' || k.status === 'expiring';
            return {
              key: k.id,
              name: (
                <span className="stack stack-sm stack-start">
                  <span>{k.name}</span>
                  <code className="mono small muted nowrap">{k.prefix}…</code>
                </span>
              ),
              scopes: (
                <span className="row">
                  {k.scopes.map((s) => (
                    <span key={s} className="badge">
                      {s}
                    </span>
                  ))}
                </span>
              ),
              created: (
                <span className="stack stack-sm stack-start">
                  <span className="nowrap">{formatDate(k.createdAt)}</span>
                  <span className="small muted">by {k.createdBy}</span>
                </span>
              ),
              lastUsed: <span className="nowrap">{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</span>,
              status: <StatusBadge apiKey={k} />,
              actions: live ? (
                <span className="row row-end nowrap">
                  {k.canRotate ? <RotateKeyDialog keyId={k.id} name={k.name} gracePeriods={gracePeriods} /> : null}
                  {k.canRevoke ? (
                    <ConfirmActionForm
                      action={revokeKeyAction}
                      fields={{ keyId: k.id }}
                      size="sm"
                      variant="secondary"
                      title={`Revoke “${k.name}”?`}
                      description={`Anything using ${k.prefix}… stops working at once. This cannot be undone.`}
                      confirmLabel="Revoke key"
                      danger
                      aria-label={`Revoke ${k.name}`}
                    >
                      Revoke
                    </ConfirmActionForm>
                  ) : null}
                </span>
              ) : null,
            };
          })}
          empty={<EmptyState title="No API keys yet" description={canCreate ? 'Create a key to call the API from your servers.' : 'Nobody in your organization has created a key yet.'} />}
        />
      </div>
    </SecretRevealProvider>
  );
}
