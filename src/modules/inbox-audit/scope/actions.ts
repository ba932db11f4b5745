import { eq, sql } from 'drizzle-orm';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { AppError, conflict, notFound } from '@/platform/http/errors';
import { scopeDocuments, type ScopeContent } from '../schema';
import { topReasons } from '../top';
import { editScopeInput, newScopeDraftInput, signScopeInput } from './inputs';
import { proposeScope } from './propose';
import { findVersion, latestVersion, readyAudits, versionRow, type ScopeVersion } from './store';

type Tx = ActionContext['tx'];

/** Scope writes one at a time: a new version takes the next number, and only the latest one changes. */
async function lockScope(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('deflect.scope_documents'))`);
}

/** What the audit trail keeps of a document: its arrangement, not its words. */
const audited = (version: number, content: ScopeContent) => ({
  version,
  launch: content.launch.map((s) => s.section),
  staysWithSupport: content.staysWithSupport.map((s) => s.category),
});

async function documentOf(tx: Tx, version: number): Promise<ScopeVersion> {
  return (await findVersion(tx, version))!;
}

/** The latest version, unsigned: the only one a write may change. */
async function editableRow(tx: Tx, version: number) {
  const row = await versionRow(tx, version);
  if (!row) throw notFound('Scope version');
  if (row.signedAt) throw conflict(`Version ${version} is signed and read-only: start a new version from it.`);
  const latest = await latestVersion(tx);
  if (version !== latest) throw conflict(`Version ${version} was replaced by version ${latest}: work on that one.`);
  return row;
}

/** A new draft: proposed from a ready audit's top reasons, or a copy of an earlier version to revise. */
export const newScopeDraft = defineAction({
  name: 'staff.scope.write',
  input: newScopeDraftInput,
  async run({ actor, tx }, input) {
    await lockScope(tx);
    let auditId: string | null;
    let content: ScopeContent;
    if (input.auditId !== undefined) {
      const [audit] = await readyAudits(tx, input.auditId);
      if (!audit) throw new AppError('validation_failed', 'Some fields are not valid.', { auditId: 'No finished audit has this id.' });
      auditId = audit.id;
      content = proposeScope(await topReasons(tx, audit.id));
    } else {
      const from = await versionRow(tx, input.fromVersion!);
      if (!from) throw notFound('Scope version');
      auditId = from.auditId;
      content = from.content;
    }
    const version = (await latestVersion(tx)) + 1;
    const id = crypto.randomUUID();
    await tx.insert(scopeDocuments).values({ id, version, auditId, content, createdByStaffId: actor.type === 'staff' ? actor.staffId : null });
    return {
      result: { document: await documentOf(tx, version) },
      audit: { entityType: 'scope_document', entityId: id, after: { ...audited(version, content), auditId, fromVersion: input.fromVersion ?? null } },
    };
  },
});

/** Rewrites the draft: only the latest version, and only until it is signed. */
export const editScopeDraft = defineAction({
  name: 'staff.scope.write',
  input: editScopeInput,
  async run({ tx }, { version, content }) {
    await lockScope(tx);
    const before = await editableRow(tx, version);
    await tx.update(scopeDocuments).set({ content }).where(eq(scopeDocuments.id, before.id));
    return {
      result: { document: await documentOf(tx, version) },
      audit: { entityType: 'scope_document', entityId: before.id, before: audited(version, before.content), after: audited(version, content) },
    };
  },
});

/** Signs the draft off: from then on it is read-only, and the scope every staff member sees. */
export const signScope = defineAction({
  name: 'staff.scope.sign',
  input: signScopeInput,
  async run({ actor, tx }, { version }) {
    await lockScope(tx);
    const row = await editableRow(tx, version);
    await tx
      .update(scopeDocuments)
      .set({ signedByStaffId: actor.type === 'staff' ? actor.staffId : null, signedAt: new Date() })
      .where(eq(scopeDocuments.id, row.id));
    return {
      result: { document: await documentOf(tx, version) },
      audit: { entityType: 'scope_document', entityId: row.id, before: { version, signed: false }, after: { ...audited(version, row.content), signed: true } },
    };
  },
});
