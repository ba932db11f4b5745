import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { listStaffAuditEntries, staffAuditQuery } from '@/modules/audit/service';
import { abandonedMessage, failAbandonedImports, importSettled, STALE_IMPORT_MS } from './runner';
import { inboxAuditCorrections, inboxAudits, inboxAuditTickets } from './schema';
import { signedInStaff } from '../../../tests/support/staff-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { GET as getOne } from '@/app/api/admin/inbox-audits/[id]/route';
import { PATCH } from '@/app/api/admin/inbox-audits/[id]/tickets/[ticketId]/route';
import { GET as getTickets } from '@/app/api/admin/inbox-audits/[id]/tickets.csv/route';
import { GET as getTop } from '@/app/api/admin/inbox-audits/[id]/top.csv/route';
import { GET as getList, POST } from '@/app/api/admin/inbox-audits/route';

// The inbox audit at its HTTP edge: an export is stored, read in the background, its bad rows reported
// line by line, and the staff's corrections kept across runs.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';
const FIXTURES = 'tests/fixtures/inbox-audit';

type AuditBody = { id: string; status: string; source: string | null; rows: number; imported: number; duplicates: number; invalid: { line: number; reason: string }[]; invalidCount: number; failure: string | null };
type Answer = { status: number; body: { success: boolean; data?: { audit?: AuditBody; audits?: AuditBody[]; ticket?: { id: string; category: string; confidence: number } }; error?: { code: string; message: string; fields?: Record<string, string> } } };

let lead: string;
let agent: string;

const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`);
const answer = async (response: Response): Promise<Answer> => ({ status: response.status, body: JSON.parse(await response.text()) as Answer['body'] });
const context = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

async function upload(body: Buffer | string, query = '', cookie = lead): Promise<Answer> {
  const request = new Request(`${ORIGIN}/api/admin/inbox-audits${query}`, { method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': 'text/csv' }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return answer(await POST(request, undefined));
}

/** Uploads and waits for the background import to end; the audit as the API then shows it. */
async function imported(body: Buffer | string, query = ''): Promise<AuditBody> {
  const sent = await upload(body, query);
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  expect(sent.body.data!.audit).toEqual({ id: expect.any(String), status: 'importing' });
  await importSettled(sent.body.data!.audit!.id);
  return (await one(sent.body.data!.audit!.id)).body.data!.audit!;
}

const one = async (id: string, cookie = lead) => answer(await getOne(new Request(`${ORIGIN}/api/admin/inbox-audits/${id}`, { headers: { cookie } }), context({ id })));
const correct = async (id: string, ticketId: string, body: unknown, cookie = lead) =>
  answer(await PATCH(new Request(`${ORIGIN}/api/admin/inbox-audits/${id}/tickets/${ticketId}`, { method: 'PATCH', headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) }), context({ id, ticketId })));

async function storedTickets(auditId: string) {
  return t.db
    .select({ id: inboxAuditTickets.externalId, subject: inboxAuditTickets.subject, body: inboxAuditTickets.body, tags: inboxAuditTickets.tags, createdAt: inboxAuditTickets.createdAt, closedAt: inboxAuditTickets.closedAt, category: inboxAuditTickets.category, confidence: inboxAuditTickets.confidence })
    .from(inboxAuditTickets)
    .where(eq(inboxAuditTickets.auditId, auditId))
    .orderBy(asc(inboxAuditTickets.externalId));
}

const generic = (rows: string[]) => ['id,subject,body,created_at,closed_at,tags', ...rows].join('\n') + '\n';

beforeAll(async () => {
  lead = (await signedInStaff(t.db, 'lead')).cookie;
  agent = (await signedInStaff(t.db, 'agent')).cookie;
});

describe('one ticket set in every supported format', () => {
  const categories = { '1001': 'card', '1002': 'team', '1003': 'billing_details', '1004': 'refund', '1005': 'other', '1006': 'account_access' } as const;

  it('stores the same tickets with the same categories, whichever help desk wrote the export', async () => {
    await t.db.insert(inboxAuditCorrections).values(Object.entries(categories).map(([externalId, category]) => ({ externalId, category })));
    const runs: Record<string, Awaited<ReturnType<typeof storedTickets>>> = {};
    for (const source of ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'generic']) {
      const audit = await imported(fixture(`${source}.csv`));
      expect([audit.status, audit.source, audit.rows, audit.imported, audit.invalidCount], source).toEqual(['ready', source, 6, 6, 0]);
      runs[source] = await storedTickets(audit.id);
      // Forcing the source reads it the same way.
      expect(await storedTickets((await imported(fixture(`${source}.csv`), `?source=${source}`)).id), source).toEqual(runs[source]);
    }
    const { generic: reference } = runs;
    expect(reference!.map((r) => [r.id, r.category, r.confidence])).toEqual(Object.entries(categories).map(([id, category]) => [id, category, 1]));
    expect(reference!.find((r) => r.id === '1005')).toMatchObject({ subject: 'Quote "inside", and a comma', body: 'Line one\nline two, with a comma', tags: '' });
    expect(reference!.find((r) => r.id === '1003')).toMatchObject({ closedAt: null, tags: 'billing', createdAt: new Date('2026-09-03T08:30:00Z') });
    for (const [source, rows] of Object.entries(runs)) {
      const fields = (r: (typeof rows)[number]) => ({ id: r.id, tags: r.tags, createdAt: r.createdAt, closedAt: r.closedAt, category: r.category, body: r.body });
      expect(rows.map(fields), source).toEqual(reference!.map(fields));
      // Intercom's export has no subject: the conversation's opening message is its text.
      if (source !== 'intercom') expect(rows.map((r) => r.subject), source).toEqual(reference!.map((r) => r.subject));
    }
  });
});

describe('bad rows are reported by line, and the rest imported', () => {
  const good = ['1,Card expired,Our card expired,2026-09-01T09:00:00Z,,card', '3,Add a colleague,How do I add a colleague?,2026-09-02T09:00:00Z,,team'];
  const ids = async (auditId: string) => (await storedTickets(auditId)).map((r) => r.id);

  it('an unterminated quote costs its own row only', async () => {
    const audit = await imported(fixture('unterminated-quote.csv'));
    expect(audit.status).toBe('ready');
    expect(audit.invalid).toEqual([{ line: 3, reason: expect.stringMatching(/^Unterminated quote/) }]);
    expect(await ids(audit.id)).toEqual(['2001', '2003', '2004']);
  });

  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(`${generic([good[0]!]).trimEnd()}\n2,Bad bytes,`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`,,,\n${good[1]}\n`)]);
    const audit = await imported(bytes);
    expect(audit.invalid).toEqual([{ line: 3, reason: 'Not valid UTF-8: the row was skipped.' }]);
    expect(await ids(audit.id)).toEqual(['1', '3']);
  });

  it('an empty body (tagged by its subject) and an empty row', async () => {
    const audit = await imported(generic([good[0]!, '2,Only a subject,,2026-09-01T10:00:00Z,,', '4,,,2026-09-01T10:00:00Z,,', good[1]!]));
    expect(audit.invalid).toEqual([
      { line: 3, reason: 'Empty body: tagged by its subject alone.' },
      { line: 4, reason: 'Empty subject and body: the row was skipped.' },
    ]);
    expect(await ids(audit.id)).toEqual(['1', '2', '3']);
  });

  it('a 50 KB body is cut and reported', async () => {
    const long = 'x'.repeat(50 * 1024);
    const audit = await imported(generic([good[0]!, `2,Long,"${long}",2026-09-01T10:00:00Z,,`, good[1]!]));
    expect(audit.invalid).toEqual([{ line: 3, reason: 'Body of 50 KB: its first 16 KB kept.' }]);
    const stored = await storedTickets(audit.id);
    expect(stored.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(stored[1]!.body).toHaveLength(16 * 1024);
  });

  it('a duplicate ticket id', async () => {
    const audit = await imported(generic([good[0]!, '1,Again,Same id again,2026-09-01T10:00:00Z,,', good[1]!]));
    expect([audit.rows, audit.imported, audit.duplicates]).toEqual([3, 2, 1]);
    expect(audit.invalid).toEqual([{ line: 3, reason: 'Duplicate ticket id 1 (first on line 2): the row was skipped.' }]);
    expect(await ids(audit.id)).toEqual(['1', '3']);
  });

  it('an unreadable date keeps the ticket without it', async () => {
    const audit = await imported(generic([good[0]!, '2,When,Some day,not a date,,', good[1]!]));
    expect(audit.invalid).toEqual([{ line: 3, reason: 'Unreadable creation time: kept without it.' }]);
    expect((await storedTickets(audit.id)).map((r) => [r.id, r.createdAt?.toISOString() ?? null])).toEqual([
      ['1', '2026-09-01T09:00:00.000Z'],
      ['2', null],
      ['3', '2026-09-02T09:00:00.000Z'],
    ]);
  });
});

describe('a file that is no export', () => {
  it('answers 422 before any run exists: binary, an unknown header, an empty body, a source whose columns are missing', async () => {
    const before = (await t.db.select().from(inboxAudits)).length;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (const [body, query, message] of [
      [png, '', /not a CSV export/],
      ['name,email\nAda,ada@example.test\n', '', /no recognisable header/],
      ['', '', /empty/],
      [fixture('generic.csv'), '?source=freshdesk', /no Freshdesk ticket id column/],
    ] as const) {
      const got = await upload(body, query);
      expect(got.status, String(message)).toBe(422);
      expect(got.body.error!.message).toMatch(message);
    }
    expect((await upload('id\n1\n', '?source=nowhere')).status).toBe(422);
    expect((await upload('id\n1\n', `?label=${'x'.repeat(121)}`)).status).toBe(422);
    expect(await t.db.select().from(inboxAudits)).toHaveLength(before);
  });

  it('answers 413 past 100 MB', async () => {
    const request = new Request(`${ORIGIN}/api/admin/inbox-audits`, { method: 'POST', headers: { origin: ORIGIN, cookie: lead, 'content-length': String(101 * 1024 * 1024) }, body: 'id\n' });
    expect((await POST(request, undefined)).status).toBe(413);
  });
});

describe('who may', () => {
  it('leads only; an unknown id is 404', async () => {
    const audit = await imported(fixture('generic.csv'));
    expect((await upload(fixture('generic.csv'), '', agent)).status).toBe(403);
    expect((await one(audit.id, agent)).status).toBe(403);
    expect((await correct(audit.id, '1001', { category: 'team' }, agent)).status).toBe(403);
    expect((await answer(await getList(new Request(`${ORIGIN}/api/admin/inbox-audits`, { headers: { cookie: agent } }), undefined))).status).toBe(403);

    expect((await one('no-such-audit')).status).toBe(404);
    const top = await getTop(new Request(`${ORIGIN}/api/admin/inbox-audits/no-such-audit/top.csv`, { headers: { cookie: lead } }), context({ id: 'no-such-audit' }));
    expect(top.status).toBe(404);
    expect((await correct('no-such-audit', '1001', { category: 'team' })).status).toBe(404);
    expect((await correct(audit.id, 'no-such-ticket', { category: 'team' })).status).toBe(404);
    expect((await correct(audit.id, '1001', { category: 'nowhere' })).status).toBe(422);
  });
});

describe('corrections and the results', () => {
  it('keeps a correction across a re-import, in every run holding the ticket, as an audited staff action', async () => {
    const text = generic(['7001,Something odd,Hard to say what this is,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,', '7002,=1+1 as a subject,Also unclear,2026-10-01T09:00:00Z,,']);
    const first = await imported(text);
    const corrected = await correct(first.id, '7001', { category: 'plan_change' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.data!.ticket).toMatchObject({ id: '7001', category: 'plan_change', confidence: 1 });

    const second = await imported(text);
    const category = async (auditId: string) =>
      (await t.db.select({ category: inboxAuditTickets.category, confidence: inboxAuditTickets.confidence }).from(inboxAuditTickets).where(and(eq(inboxAuditTickets.auditId, auditId), eq(inboxAuditTickets.externalId, '7001'))))[0];
    expect(await category(second.id)).toEqual({ category: 'plan_change', confidence: 1 });

    expect((await correct(second.id, '7001', { category: 'invoices' })).status).toBe(200);
    expect(await category(first.id)).toEqual({ category: 'invoices', confidence: 1 });
    const [kept] = await t.db.select().from(inboxAuditCorrections).where(eq(inboxAuditCorrections.externalId, '7001'));
    expect(kept).toMatchObject({ category: 'invoices', subject: 'Something odd', body: 'Hard to say what this is' });

    const { entries } = await listStaffAuditEntries(t.db, staffAuditQuery.parse({ actorType: 'staff', limit: 100 }));
    const actions = entries.filter((e) => e.entityId === `${first.id}/7001` || e.entityId === `${second.id}/7001`).map((e) => [e.action, e.actor.type]);
    expect(actions).toEqual([
      ['staff.inbox_audits.correct', 'staff'],
      ['staff.inbox_audits.correct', 'staff'],
    ]);

    expect((await correct(second.id, '7002', { category: 'other' })).status).toBe(200);
    const tickets = await getTickets(new Request(`${ORIGIN}/api/admin/inbox-audits/${second.id}/tickets.csv`, { headers: { cookie: lead } }), context({ id: second.id }));
    expect(tickets.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await tickets.text()).trim().split('\n');
    expect(lines[0]).toBe('id,category,confidence,subject');
    expect(lines[1]).toBe('7001,invoices,1.000,Something odd');
    expect(lines[2], 'a formula is written as text').toBe("7002,other,1.000,'=1+1 as a subject");
    expect(lines).toHaveLength(3);

    const top = await getTop(new Request(`${ORIGIN}/api/admin/inbox-audits/${second.id}/top.csv`, { headers: { cookie: lead } }), context({ id: second.id }));
    const topLines = (await top.text()).trim().split('\n');
    expect(topLines[0]).toBe('rank,category,tickets,share,cumulative_share,median_resolution_hours,human_cost,portal_screen,absorbable');
    expect(topLines).toContain('1,invoices,1,0.5000,0.5000,1.00,40.00,/account/invoices,true');
  });

  it('lists runs newest first, and fails the runs a stopped process left importing, not those another instance still runs', async () => {
    const listed = await answer(await getList(new Request(`${ORIGIN}/api/admin/inbox-audits`, { headers: { cookie: lead } }), undefined));
    expect(listed.status).toBe(200);
    expect(listed.body.data!.audits!.length).toBeGreaterThan(1);

    const beatAgo = (ms: number) => new Date(Date.now() - ms);
    const [left] = await t.db.insert(inboxAudits).values({ id: crypto.randomUUID(), label: 'Left behind', heartbeatAt: beatAgo(STALE_IMPORT_MS + 60_000) }).returning();
    const [beating] = await t.db.insert(inboxAudits).values({ id: crypto.randomUUID(), label: 'Another instance', heartbeatAt: beatAgo(5_000) }).returning();
    expect((await one(left!.id)).body.data!.audit).toMatchObject({ status: 'failed', failure: abandonedMessage });
    expect(await failAbandonedImports(t.db)).toBe(1);
    expect((await one(left!.id)).body.data!.audit).toMatchObject({ status: 'failed', failure: abandonedMessage });
    expect((await one(beating!.id)).body.data!.audit).toMatchObject({ status: 'importing', failure: null });
  });
});
