import { beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../../../tests/support/staff-fixtures';
import { seedInboxAudit } from '../../../../../tests/support/inbox-audit-fixtures';
import { useTestDatabase } from '../../../../../tests/support/test-db';
import { GET as getVersion, PATCH } from './[version]/route';
import { POST as sign } from './[version]/sign/route';
import { GET, POST } from './route';

// The scope document at its HTTP edge: leads propose, edit and sign off; agents read what is signed;
// a signed version is a 409, an unknown one a 404, odd input a 422.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';

type Document = { version: number; state: string; content: { launch: { section: string }[]; staysWithSupport: unknown[]; notes: string } };
type Answer = { status: number; body: { success: boolean; data?: { document?: Document; current?: Document | null; draft?: Document | null; versions?: { version: number }[] }; error?: { code: string; fields?: Record<string, string> } } };

let agent: string;
let lead: string;
let auditId: string;

type Handler = (request: Request, context: { params: Promise<{ version: string }> }) => Promise<Response>;

/** One request of a staff member's browser (their cookie, the portal's own Origin) and its answer. */
async function call(handler: Handler, method: string, path: string, cookie: string, body?: unknown): Promise<Answer> {
  const version = /\/api\/admin\/scope\/([^/]+)/.exec(path)?.[1] ?? '';
  const init: RequestInit = { method, headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await handler(new Request(`${ORIGIN}${path}`, init), { params: Promise.resolve({ version }) });
  return { status: response.status, body: JSON.parse(await response.text()) as Answer['body'] };
}

const overview = (cookie = agent) => call(GET as Handler, 'GET', '/api/admin/scope', cookie);
const propose = (body: unknown, cookie = lead) => call(POST as Handler, 'POST', '/api/admin/scope', cookie, body);
const read = (version: string, cookie = lead) => call(getVersion, 'GET', `/api/admin/scope/${version}`, cookie);
const edit = (version: string, body: unknown, cookie = lead) => call(PATCH, 'PATCH', `/api/admin/scope/${version}`, cookie, body);
const signOff = (version: string, cookie = lead) => call(sign, 'POST', `/api/admin/scope/${version}/sign`, cookie);

beforeAll(async () => {
  agent = (await signedInStaff(t.db, 'agent')).cookie;
  lead = (await signedInStaff(t.db, 'lead')).cookie;
  auditId = await seedInboxAudit(t.db, { card: 2, team: 1, refund: 1 });
});

describe('/api/admin/scope', () => {
  it('takes a draft from a proposal to a signed version, and keeps the signed one read-only', async () => {
    expect((await overview()).body.data).toMatchObject({ current: null, draft: null, versions: [] });

    const created = await propose({ auditId });
    expect(created.status).toBe(201);
    expect(created.body.data!.document).toMatchObject({ version: 1, state: 'draft' });
    const content = created.body.data!.document!.content;
    expect(content.launch.map((s) => s.section)).toEqual(['billing', 'team']);

    expect((await overview()).body.data).toMatchObject({ current: null, draft: null, versions: [] });
    expect((await read('1', agent)).status).toBe(404);
    expect((await overview(lead)).body.data!.draft).toMatchObject({ version: 1 });

    const edited = await edit('1', { content: { ...content, notes: 'Go.' } });
    expect([edited.status, edited.body.data!.document!.content.notes]).toEqual([200, 'Go.']);
    const signed = await signOff('1');
    expect([signed.status, signed.body.data!.document!.state]).toEqual([200, 'signed']);

    const refused = await edit('1', { content: { ...content, notes: 'Too late.' } });
    expect([refused.status, refused.body.error!.code]).toEqual([409, 'conflict']);
    expect((await signOff('1')).status).toBe(409);

    const seen = await overview();
    expect(seen.body.data).toMatchObject({ current: { version: 1, content: { notes: 'Go.' } }, draft: null, versions: [{ version: 1 }] });
    expect((await read('1', agent)).body.data!.document!.content.notes).toBe('Go.');

    const revised = await propose({ fromVersion: 1 });
    expect([revised.status, revised.body.data!.document!.version]).toEqual([201, 2]);
  });

  it('answers 403 to an agent’s writes', async () => {
    expect((await propose({ auditId }, agent)).status).toBe(403);
    expect((await edit('1', { content: { launch: [], staysWithSupport: [], notes: '' } }, agent)).status).toBe(403);
    expect((await signOff('1', agent)).status).toBe(403);
  });

  it('answers 404 for a version that does not exist or is no version number', async () => {
    for (const version of ['999', '0', 'abc', '1.5']) {
      expect((await read(version)).status, version).toBe(404);
      expect((await edit(version, { content: { launch: [], staysWithSupport: [], notes: '' } })).status, version).toBe(404);
      expect((await signOff(version)).status, version).toBe(404);
    }
  });

  it('answers 422 naming the field for odd input', async () => {
    const latest = String((await overview(lead)).body.data!.versions![0]!.version);
    const cases: [unknown, string][] = [
      [{ content: { launch: [{ section: 'team', categories: ['card'], tickets: 1, share: 0.1, note: '' }], staysWithSupport: [], notes: '' } }, 'content.launch.0.categories.0'],
      [{ content: { launch: [], staysWithSupport: [{ category: 'refund', tickets: 1, reason: '' }], notes: '' } }, 'content.staysWithSupport.0.reason'],
      [{ content: 'all' }, 'content'],
      [{}, 'content'],
      ['[1, 2]', 'content'],
    ];
    for (const [body, field] of cases) {
      const refused = await edit(latest, body);
      expect([refused.status, Object.keys(refused.body.error!.fields ?? {})], JSON.stringify(body)).toEqual([422, [field]]);
    }
    expect((await edit(latest, 'not json')).status).toBe(422);
    expect(Object.keys((await propose({ auditId: 'nope' })).body.error!.fields!)).toEqual(['auditId']);
    expect((await propose({ auditId, fromVersion: 1 })).status).toBe(422);
    expect((await propose({ fromVersion: 'x' })).status).toBe(422);
  });
});
