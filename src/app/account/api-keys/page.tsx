import { gracePeriods } from '@config/api-keys';
import { can, canManageKey } from '@config/permissions';
import { grantableScopes, listKeys, maxActiveKeys, type KeyView } from '@/modules/api-keys/service';
import { requirePortalSession } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { revokeKeyAction } from './actions';
import { CreateKeyDialog } from './create-key-dialog';
import { RotateKeyDialog } from './rotate-key-dialog';
import { SecretRevealProvider } from './secret-reveal';

export const metadata = { title: 'API keys' };

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const graceOptions = Object.entries(gracePeriods).map(([value, g]) => ({ value, label: g.label }));

function StatusBadge({ apiKey }: { apiKey: KeyView }) {
  switch (apiKey.status) {
    case 'active':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge badge-success">Active</span>
          <span className="small muted nowrap">{apiKey.expiresAt ? `Expires ${day.format(new Date(apiKey.expiresAt))}` : 'Never expires'}</span>
        </span>
      );
    case 'expiring':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge badge-warning">Expiring</span>
          <span className="small muted nowrap">at {when.format(new Date(apiKey.expiresAt!))} UTC</span>
        </span>
      );
    case 'expired':
      return (
        <span className="stack stack-sm stack-start">
          <span className="badge">Expired</span>
          <span className="small muted nowrap">{day.format(new Date(apiKey.expiresAt!))}</span>
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
  if (!can(role, 'api_keys.read')) {
    return (
      <>
        <Header />
        <EmptyState title="API keys are managed by your developers" description={`Your role (${role}) does not include API keys. Ask an owner or admin of ${session.organization.name} if you need one.`} />
      </>
    );
  }

  const keys = await listKeys(await getDb(), session.organization.id, role);
  const scopes = grantableScopes(role);
  const working = keys.filter((k) => k.status === 'active' || k.status === 'expiring').length;
  const canCreate = can(role, 'api_keys.create') && scopes.length > 0;
  const atLimit = working >= maxActiveKeys ? `Your organization has ${maxActiveKeys} working keys, the most allowed. Revoke one first.` : undefined;

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
            const mine = k.createdByUserId === session.user.id;
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
                  <span className="nowrap">{day.format(new Date(k.createdAt))}</span>
                  <span className="small muted">by {k.createdBy}</span>
                </span>
              ),
              lastUsed: <span className="nowrap">{k.lastUsedAt ? day.format(new Date(k.lastUsedAt)) : 'Never'}</span>,
              status: <StatusBadge apiKey={k} />,
              actions: live ? (
                <span className="row row-end nowrap">
                  {!k.replacedById && canManageKey(role, 'api_keys.rotate', mine) ? <RotateKeyDialog keyId={k.id} name={k.name} gracePeriods={graceOptions} /> : null}
                  {canManageKey(role, 'api_keys.revoke', mine) ? (
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
