import { staffCan, type StaffRole } from '@config/permissions';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { parseInput } from '@/platform/http/validation';
import type { ScopeContent } from '../schema';
import { topReasons } from '../top';
import { scopeChoiceInput, scopeVersion } from './inputs';
import { arrangeScope, proposeScope, rewordScope } from './propose';
import { allVersions, findVersion, type ScopeVersion, type ScopeVersionSummary } from './store';

// What the console's pages and routes reach of the scope document.
export { editScopeDraft, newScopeDraft, signScope } from './actions';
export { readyAudits, type ReadyAudit, type ScopeState, type ScopeVersion, type ScopeVersionSummary } from './store';

/** What a staff member may do with the scope: every one reads the signed versions, leads draft and sign. */
export function scopeAbilities(role: StaffRole) {
  return { write: staffCan(role, 'staff.scope.write'), sign: staffCan(role, 'staff.scope.sign') };
}

export type ScopeOverview = {
  /** The latest signed version: the scope. */
  current: ScopeVersion | null;
  /** The latest version while it is unsigned; shown to those who may write only. */
  draft: ScopeVersion | null;
  /** Newest first; drafts and superseded versions only for those who may write. */
  versions: ScopeVersionSummary[];
  can: ReturnType<typeof scopeAbilities>;
};

const visibleTo = (can: ScopeOverview['can']) => (v: ScopeVersionSummary) => can.write || v.state === 'signed';

export async function scopeOverview(db: Db, role: StaffRole): Promise<ScopeOverview> {
  const can = scopeAbilities(role);
  const all = await allVersions(db);
  const latest = all[0];
  return {
    current: all.find((v) => v.state === 'signed') ?? null,
    draft: can.write && latest?.state === 'draft' ? latest : null,
    versions: all.filter(visibleTo(can)).map(({ content: _content, ...summary }) => summary),
    can,
  };
}

/** One version, as this role may read it: an unsigned one is not found for an agent. */
export async function scopeVersionFor(db: Db, role: StaffRole, version: number): Promise<ScopeVersion> {
  const found = await findVersion(db, version);
  if (!found || !visibleTo(scopeAbilities(role))(found)) throw notFound('Scope version');
  return found;
}

/** A section the draft form offers, ticked when the draft launches it. */
export type ScopeCandidate = ScopeContent['launch'][number] & { launched: boolean };

/**
 * The sections the draft form offers: each one the draft's audit gives screens to, ticked when the draft
 * launches it. Without the audit (deleted since) the draft's own sections, which can then only be reworded.
 */
export async function draftCandidates(db: Db, draft: ScopeVersion): Promise<{ candidates: ScopeCandidate[]; rearrangeable: boolean }> {
  const own = new Map(draft.content.launch.map((s) => [s.section, s]));
  if (!draft.audit) return { candidates: draft.content.launch.map((s) => ({ ...s, launched: true })), rearrangeable: false };
  const proposal = proposeScope(await topReasons(db, draft.audit.id));
  return { candidates: proposal.launch.map((s) => ({ ...s, note: own.get(s.section)?.note ?? '', launched: own.has(s.section) })), rearrangeable: true };
}

/**
 * The draft form's fields as the edit they ask for: the draft rearranged from its audit's reasons by the
 * sections ticked, or only reworded when its audit is gone.
 */
export async function draftEditOfForm(db: Db, fields: unknown): Promise<{ version: number; content: ScopeContent }> {
  const { version, ...choice } = parseInput(scopeChoiceInput.extend({ version: scopeVersion }), fields);
  const draft = await findVersion(db, version);
  if (!draft) throw notFound('Scope version');
  return { version, content: draft.audit ? arrangeScope(await topReasons(db, draft.audit.id), choice) : rewordScope(draft.content, choice) };
}
