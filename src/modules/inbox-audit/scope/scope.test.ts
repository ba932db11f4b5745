import { beforeEach, describe, expect, it } from 'vitest';
import { listStaffAuditEntries, staffAuditQuery } from '@/modules/audit/service';
import { executeAction } from '@/platform/actions/execute';
import { AppError } from '@/platform/http/errors';
import { seedStaff } from '../../../../tests/support/staff-fixtures';
import { seedInboxAudit } from '../../../../tests/support/inbox-audit-fixtures';
import { useRacers, useTestDatabase } from '../../../../tests/support/test-db';
import { inboxAudits, scopeDocuments } from '../schema';
import { draftEditOfForm, editScopeDraft, newScopeDraft, scopeOverview, scopeVersionFor, signScope } from './service';

// The scope document's life: drafted from a ready audit, edited, signed off (then read-only), revised
// in a new version; leads write, every staff member reads what is signed; every write is audited.

const t = useTestDatabase();
const racers = useRacers(t, 4);

const audit = (tickets: Record<string, number>, status: 'importing' | 'ready' = 'ready') => seedInboxAudit(t.db, tickets, { status });

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeEach(async () => {
  await t.db.delete(scopeDocuments);
});

describe('the scope document', () => {
  it('goes from a proposal to a signed, read-only version; a change after that is version 2', async () => {
    const lead = await seedStaff(t.db, 'lead', { name: 'Lee Lead' });
    const auditId = await audit({ card: 6, plan_change: 2, team: 3, refund: 1 });

    const { document: proposed } = await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    expect(proposed).toMatchObject({ version: 1, state: 'draft', audit: { id: auditId }, createdBy: { id: lead.staffId, name: 'Lee Lead' }, signedAt: null });
    expect(proposed.content.launch.map((s) => [s.section, s.categories, s.tickets, s.share])).toEqual([
      ['billing', ['card', 'plan_change'], 8, 0.6667],
      ['team', ['team'], 3, 0.25],
    ]);
    expect(proposed.content.staysWithSupport.map((s) => s.category)).toEqual(['refund']);

    const edited = { ...proposed.content, notes: 'Billing first.' };
    const { document: saved } = await executeAction(lead, editScopeDraft, { version: 1, content: edited }, { db: t.db });
    expect(saved.content.notes).toBe('Billing first.');

    const { document: signed } = await executeAction(lead, signScope, { version: 1 }, { db: t.db });
    expect(signed).toMatchObject({ version: 1, state: 'signed', signedBy: { id: lead.staffId, name: 'Lee Lead' } });
    expect(signed.signedAt).toBeInstanceOf(Date);

    expect(await codeOf(executeAction(lead, editScopeDraft, { version: 1, content: { ...edited, notes: 'Changed.' } }, { db: t.db }))).toBe('conflict');
    expect(await codeOf(executeAction(lead, signScope, { version: 1 }, { db: t.db }))).toBe('conflict');
    expect((await scopeVersionFor(t.db, 'lead', 1)).content.notes).toBe('Billing first.');

    const { document: revised } = await executeAction(lead, newScopeDraft, { fromVersion: 1 }, { db: t.db });
    expect(revised).toMatchObject({ version: 2, state: 'draft', audit: { id: auditId }, content: signed.content });
    await executeAction(lead, editScopeDraft, { version: 2, content: { ...edited, notes: 'Team too.' } }, { db: t.db });

    const overview = await scopeOverview(t.db, 'lead');
    expect(overview.current).toMatchObject({ version: 1, content: { notes: 'Billing first.' } });
    expect(overview.draft).toMatchObject({ version: 2, content: { notes: 'Team too.' } });
    expect(overview.versions.map((v) => [v.version, v.state])).toEqual([
      [2, 'draft'],
      [1, 'signed'],
    ]);
  });

  it('keeps only the latest unsigned version editable: a newer proposal supersedes the draft', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const auditId = await audit({ team: 2 });
    const { document: first } = await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    expect(await codeOf(executeAction(lead, editScopeDraft, { version: 1, content: first.content }, { db: t.db }))).toBe('conflict');
    expect(await codeOf(executeAction(lead, signScope, { version: 1 }, { db: t.db }))).toBe('conflict');
    expect((await scopeOverview(t.db, 'lead')).versions.map((v) => v.state)).toEqual(['draft', 'superseded']);
    expect(await codeOf(executeAction(lead, signScope, { version: 3 }, { db: t.db }))).toBe('not_found');
  });

  it('numbers versions proposed at the same moment one after the other, and lets one of two racing sign-offs through', async () => {
    const leads = await Promise.all([1, 2, 3, 4].map(() => seedStaff(t.db, 'lead')));
    const auditId = await audit({ card: 2 });
    const proposed = await Promise.all(leads.map((lead) => executeAction(lead, newScopeDraft, { auditId }, { db: racers.db })));
    expect(proposed.map((p) => p.document.version).toSorted()).toEqual([1, 2, 3, 4]);
    const signing = await Promise.all(leads.slice(0, 2).map((lead) => codeOf(executeAction(lead, signScope, { version: 4 }, { db: racers.db }))));
    expect(signing.toSorted()).toEqual(['conflict', 'ok']);
  });

  it('proposes from a ready audit only', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const importing = await audit({ team: 1 }, 'importing');
    expect(await codeOf(executeAction(lead, newScopeDraft, { auditId: importing }, { db: t.db }))).toBe('validation_failed');
    expect(await codeOf(executeAction(lead, newScopeDraft, { auditId: 'no-such-audit' }, { db: t.db }))).toBe('validation_failed');
    expect(await codeOf(executeAction(lead, newScopeDraft, {}, { db: t.db }))).toBe('validation_failed');
    expect(await codeOf(executeAction(lead, newScopeDraft, { fromVersion: 9 }, { db: t.db }))).toBe('not_found');
    expect(await t.db.select().from(scopeDocuments)).toEqual([]);
  });

  it('lets agents read the signed versions only, and write nothing', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const agent = await seedStaff(t.db, 'agent');
    const auditId = await audit({ card: 1 });
    expect(await codeOf(executeAction(agent, newScopeDraft, { auditId }, { db: t.db }))).toBe('forbidden');
    const { document } = await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    expect(await codeOf(executeAction(agent, editScopeDraft, { version: 1, content: document.content }, { db: t.db }))).toBe('forbidden');
    expect(await codeOf(executeAction(agent, signScope, { version: 1 }, { db: t.db }))).toBe('forbidden');

    expect(await scopeOverview(t.db, 'agent')).toEqual({ current: null, draft: null, versions: [], can: { write: false, sign: false } });
    expect(await codeOf(scopeVersionFor(t.db, 'agent', 1))).toBe('not_found');

    await executeAction(lead, signScope, { version: 1 }, { db: t.db });
    const seen = await scopeOverview(t.db, 'agent');
    expect([seen.current?.version, seen.draft, seen.versions.map((v) => v.version)]).toEqual([1, null, [1]]);
  });

  it('audits every write as the staff member, with the arrangement and not the words', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const auditId = await audit({ card: 2, refund: 1 });
    const { document } = await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    await executeAction(lead, editScopeDraft, { version: 1, content: { ...document.content, launch: [], notes: 'Private thoughts.' } }, { db: t.db });
    await executeAction(lead, signScope, { version: 1 }, { db: t.db });

    const { entries } = await listStaffAuditEntries(t.db, staffAuditQuery.parse({ actorType: 'staff', limit: 100 }));
    const ours = entries.filter((e) => e.entityType === 'scope_document' && e.actor.id === lead.staffId).toReversed();
    expect(ours.map((e) => [e.action, e.actor.type, e.after])).toEqual([
      ['staff.scope.write', 'staff', { version: 1, launch: ['billing'], staysWithSupport: ['refund'], auditId, fromVersion: null }],
      ['staff.scope.write', 'staff', { version: 1, launch: [], staysWithSupport: ['refund'] }],
      ['staff.scope.sign', 'staff', { version: 1, launch: [], staysWithSupport: ['refund'], signed: true }],
    ]);
    expect(JSON.stringify(ours)).not.toContain('Private thoughts.');
  });
});

describe('the draft form', () => {
  it('rearranges the draft from its audit: an unticked section’s reasons stay with support', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const auditId = await audit({ card: 4, team: 3, refund: 1 });
    await executeAction(lead, newScopeDraft, { auditId }, { db: t.db });
    const edit = await draftEditOfForm(t.db, { version: '1', launch: ['team'], sectionNotes: { team: 'Now.' }, reasons: { refund: 'A person decides.' }, notes: '' });
    expect(edit.content.launch.map((s) => [s.section, s.note])).toEqual([['team', 'Now.']]);
    expect(edit.content.staysWithSupport.map((s) => [s.category, s.reason])).toEqual([
      ['card', 'Payment card: its screen is not in this launch.'],
      ['refund', 'A person decides.'],
    ]);
    await executeAction(lead, editScopeDraft, edit, { db: t.db });

    await t.db.delete(inboxAudits);
    const reworded = await draftEditOfForm(t.db, { version: 1, launch: [], sectionNotes: { team: 'Later.' }, reasons: {}, notes: 'Audit gone.' });
    expect(reworded.content.launch.map((s) => [s.section, s.note])).toEqual([['team', 'Later.']]);
  });

  it('names the form’s own fields when they are too long or unknown', async () => {
    const fields = (raw: unknown) => draftEditOfForm(t.db, raw).then(() => ({}), (e: AppError) => e.fields);
    expect(await fields({ version: 1, launch: ['moon'], sectionNotes: { team: 'x'.repeat(2_001) }, reasons: { refund: 'y'.repeat(2_001) }, notes: '' })).toEqual({
      'launch.0': expect.any(String),
      'sectionNotes.team': 'At most 2000 characters.',
      'reasons.refund': 'At most 2000 characters.',
    });
  });
});
