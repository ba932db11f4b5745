import { beforeAll, describe, expect, it } from 'vitest';
import { helpQuery } from '@/modules/help/queries';
import { listStaffAuditEntries, staffAuditQuery } from '@/modules/audit/service';
import { executeQuery } from '@/platform/actions/execute-query';
import { signedInStaff } from '../../../../../../tests/support/staff-fixtures';
import { seedOrg, userActor, useTestDatabase } from '../../../../../../tests/support/test-db';
import { DELETE, PATCH } from './[id]/route';
import { GET, POST } from './route';

// The console's help articles at their HTTP edge: leads write, agents read, odd input is a 422, and a
// published article reaches readers at once.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';

type Article = { id: string; section: string; slug: string; title: string; body: string; locale: string; published: boolean; publishedAt: string | null };
type Answer = { status: number; body: { success: boolean; data?: { article?: Article; articles?: Article[] }; error?: { code: string; fields?: Record<string, string> } } };

let agent: string;
let lead: string;

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, body: JSON.parse(await response.text()) as Answer['body'] };
}

function send(method: string, path: string, cookie: string, body?: unknown): Request {
  const headers: Record<string, string> = { origin: ORIGIN, cookie, 'content-type': 'application/json' };
  return new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const create = async (body: unknown, cookie = lead) => answer(await POST(send('POST', '/api/admin/help/articles', cookie, body), undefined));
const patch = async (id: string, body: unknown, cookie = lead) => answer(await PATCH(send('PATCH', `/api/admin/help/articles/${id}`, cookie, body), context(id)));
const remove = async (id: string, cookie = lead) => answer(await DELETE(send('DELETE', `/api/admin/help/articles/${id}`, cookie), context(id)));
const list = async (query: string, cookie = agent) => answer(await GET(new Request(`${ORIGIN}/api/admin/help/articles${query}`, { headers: { cookie } }), undefined));

const draft = (slug: string) => ({ section: 'billing', slug, title: `About ${slug}`, body: 'Open **Billing**.', locale: 'en' });

beforeAll(async () => {
  agent = (await signedInStaff(t.db, 'agent')).cookie;
  lead = (await signedInStaff(t.db, 'lead')).cookie;
});

describe('/api/admin/help/articles', () => {
  it('lets a lead write a draft, publish it (readers see it at once), unpublish and delete it', async () => {
    const reader = userActor(await seedOrg(t.db));
    const readerSees = async () => (await executeQuery(reader, helpQuery, { section: 'billing' }, { db: t.db })).articles.map((a) => a.slug);

    const created = await create(draft('route-flow'));
    expect(created.status).toBe(201);
    const { id, published, publishedAt } = created.body.data!.article!;
    expect([published, publishedAt]).toEqual([false, null]);
    expect(await readerSees()).not.toContain('route-flow');

    const published1 = await patch(id, { published: true, title: 'Updated title' });
    expect(published1.status).toBe(200);
    expect(published1.body.data!.article).toMatchObject({ published: true, title: 'Updated title' });
    expect(published1.body.data!.article!.publishedAt).not.toBeNull();
    expect(await readerSees()).toContain('route-flow');

    expect((await patch(id, { published: false })).body.data!.article).toMatchObject({ published: false, publishedAt: null });
    expect(await readerSees()).not.toContain('route-flow');

    expect((await remove(id)).status).toBe(200);
    expect((await remove(id)).body.error!.code).toBe('not_found');
    expect((await patch(id, { title: 'Gone' })).status).toBe(404);

    const { entries } = await listStaffAuditEntries(t.db, staffAuditQuery.parse({ actorType: 'staff', limit: 100 }));
    const audited = entries.filter((e) => e.entityId === id).toReversed();
    expect(audited.map((e) => [e.action, e.actor.type])).toEqual([
      ['staff.help.write', 'staff'],
      ['staff.help.write', 'staff'],
      ['staff.help.write', 'staff'],
      ['staff.help.delete', 'staff'],
    ]);
  });

  it('lets an agent read but not write', async () => {
    const created = await create(draft('route-agent'));
    const { id } = created.body.data!.article!;
    expect((await create(draft('route-agent-2'), agent)).status).toBe(403);
    expect((await patch(id, { published: true }, agent)).status).toBe(403);
    expect((await remove(id, agent)).status).toBe(403);
    const listed = await list('?section=billing&published=false');
    expect(listed.status).toBe(200);
    expect(listed.body.data!.articles!.map((a) => a.id)).toContain(id);
    expect(listed.body.data!.articles!.every((a) => a.section === 'billing' && !a.published)).toBe(true);
  });

  it('answers 422 naming the field for odd input, and for a slug taken in the same locale', async () => {
    await create(draft('route-taken'));
    const cases: [unknown, string][] = [
      [{ ...draft('route-x'), section: 'nowhere' }, 'section'],
      [{ ...draft('Not A Slug') }, 'slug'],
      [{ ...draft('route-y'), title: '' }, 'title'],
      [{ ...draft('route-z'), body: '   ' }, 'body'],
      [{ ...draft('route-w'), locale: 'klingon' }, 'locale'],
      [{ ...draft('route-v'), published: 'yes' }, 'published'],
      [draft('route-taken'), 'slug'],
    ];
    for (const [body, field] of cases) {
      const got = await create(body);
      expect(got.status, field).toBe(422);
      expect(Object.keys(got.body.error!.fields ?? {}), field).toContain(field);
    }
    expect((await create({ ...draft('route-taken'), locale: 'de' })).status).toBe(201);
    expect((await create('{not json')).status).toBe(422);
    expect((await list('?published=maybe')).status).toBe(422);
  });
});
