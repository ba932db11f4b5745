import Link from 'next/link';
import type { StaffRole } from '@config/permissions';
import { notFound } from 'next/navigation';
import { draftCandidates, readyAudits, scopeOverview, scopeVersionFor, type ReadyAudit, type ScopeVersion } from '@/modules/inbox-audit/scope/service';
import { stateLabel } from '@/modules/inbox-audit/scope/ui/labels';
import { ScopeDocument, ScopeProvenance } from '@/modules/inbox-audit/scope/ui/scope-document';
import { ScopeDraftForm } from '@/modules/inbox-audit/scope/ui/scope-draft-form';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { ActionForm, Field } from '@/ui/action-form';
import { ButtonLink } from '@/ui/button';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDateRange, formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { proposeScopeAction, reviseScopeAction, saveScopeDraftAction, signScopeAction } from './actions';

export const metadata = { title: 'Scope' };

type Query = Record<string, string | string[] | undefined>;

/** The version `?version=` asks to see; one this reader may not see, or no version at all, is not found. */
async function askedVersion(db: Db, role: StaffRole, query: Query): Promise<ScopeVersion | null> {
  const raw = Array.isArray(query.version) ? query.version[0] : query.version;
  if (raw === undefined) return null;
  if (!/^[1-9]\d{0,6}$/.test(raw)) notFound();
  return scopeVersionFor(db, role, Number(raw)).catch(() => notFound());
}

const auditOption = (a: ReadyAudit) => `${a.label} (${a.imported} tickets${a.from && a.to ? `, ${formatDateRange(a.from, a.to)}` : ''})`;

/** The scope document: the signed version for every staff member; drafting and signing off for leads. */
export default async function ScopePage({ searchParams }: { searchParams: Promise<Query> }) {
  const me = await requireStaffPage('staff.scope.read');
  const db = await getDb();
  const [overview, viewing] = await Promise.all([scopeOverview(db, me.role), askedVersion(db, me.role, await searchParams)]);
  const { current, draft, versions, can } = overview;
  const audits = can.write ? await readyAudits(db) : [];
  const form = draft && !viewing ? await draftCandidates(db, draft) : null;

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Scope</h1>
          <p className="muted">Which portal sections launch and which reasons for contact stay with support: proposed from an inbox audit, signed off by a lead, then read-only.</p>
        </div>
      </div>

      {viewing ? (
        <section className="card stack" aria-labelledby="viewing-heading">
          <div className="row row-between">
            <h2 id="viewing-heading">Version {viewing.version}</h2>
            <Link href="/admin/scope">Back to the current scope</Link>
          </div>
          <ScopeDocument document={viewing} />
        </section>
      ) : (
        <>
          <section className="card stack" aria-labelledby="signed-heading">
            <h2 id="signed-heading">Signed scope</h2>
            {current ? (
              <>
                <ScopeDocument document={current} />
                {can.write && !draft ? (
                  <ActionForm action={reviseScopeAction} submitLabel="Revise in a new version" pendingLabel="Starting…" variant="secondary" label="Revise the signed scope">
                    <input type="hidden" name="fromVersion" value={current.version} />
                  </ActionForm>
                ) : null}
              </>
            ) : (
              <EmptyState
                title="No scope is signed off yet"
                description={can.write ? 'Propose one from an inbox audit below, edit it, then sign it off.' : 'A lead proposes the scope from an inbox audit and signs it off; it shows here then.'}
              />
            )}
          </section>

          {draft && form ? (
            <section className="card stack" aria-labelledby="draft-heading">
              <div className="row row-between">
                <h2 id="draft-heading">Draft, version {draft.version}</h2>
                {can.sign ? (
                  <ConfirmActionForm
                    action={signScopeAction}
                    fields={{ version: String(draft.version) }}
                    title={`Sign off version ${draft.version}?`}
                    description="It becomes read-only and every staff member sees it as the scope. Save your edits first: unsaved changes are not signed. A later change starts a new version."
                    confirmLabel="Sign off"
                  >
                    Sign off
                  </ConfirmActionForm>
                ) : null}
              </div>
              <ScopeProvenance document={draft} />
              <ScopeDraftForm
                action={saveScopeDraftAction}
                version={draft.version}
                candidates={form.candidates}
                rearrangeable={form.rearrangeable}
                staysWithSupport={draft.content.staysWithSupport}
                notes={draft.content.notes}
              />
            </section>
          ) : null}

          {can.write ? (
            <section className="card stack" aria-labelledby="propose-heading">
              <h2 id="propose-heading">Propose from an audit</h2>
              {audits.length > 0 ? (
                <ActionForm action={proposeScopeAction} submitLabel="Propose" pendingLabel="Proposing…" variant={draft ? 'secondary' : 'primary'} label="Propose from an audit">
                  <p className="small muted">
                    The sections whose screens absorb the audit’s top reasons, most tickets first; the rest stays with support.
                    {draft ? ' A new proposal replaces the draft, which stays in the history.' : ''}
                  </p>
                  <Field label="Audit" name="auditId">
                    <select name="auditId" className="input" defaultValue={audits[0]!.id}>
                      {audits.map((a) => (
                        <option key={a.id} value={a.id}>
                          {auditOption(a)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </ActionForm>
              ) : (
                <EmptyState
                  title="No inbox audit is ready"
                  description="A scope is proposed from a finished inbox audit: import your help desk’s export first."
                  action={<ButtonLink href="/admin/inbox-audits">Open inbox audits</ButtonLink>}
                />
              )}
            </section>
          ) : null}
        </>
      )}

      <section className="stack" aria-labelledby="history-heading">
        <h2 id="history-heading">Version history</h2>
        <Table
          caption="Version history"
          hideCaption
          columns={[
            { key: 'version', header: 'Version', rowHeader: true },
            { key: 'state', header: 'State' },
            { key: 'drafted', header: 'Drafted' },
            { key: 'signed', header: 'Signed off' },
          ]}
          rows={versions.map((v) => ({
            key: String(v.version),
            version: (
              <Link href={`/admin/scope?version=${v.version}`} aria-current={viewing?.version === v.version ? 'page' : undefined}>
                Version {v.version}
              </Link>
            ),
            state: <span className={v.state === 'signed' ? 'badge badge-success' : 'badge'}>{stateLabel[v.state]}</span>,
            drafted: `${formatDateTime(v.createdAt)}${v.createdBy ? ` by ${v.createdBy.name}` : ''}`,
            signed: v.signedAt ? `${formatDateTime(v.signedAt)}${v.signedBy ? ` by ${v.signedBy.name}` : ''}` : '—',
          }))}
          empty={<EmptyState title="No version yet" />}
        />
      </section>
    </div>
  );
}
