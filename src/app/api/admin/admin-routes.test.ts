import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { staffCookie } from '../../../../tests/support/staff-fixtures';
import { seedOrg, seedSession, useTestDatabase, userActor } from '../../../../tests/support/test-db';
import { inviteMember } from '@/modules/team/actions';
import { executeAction } from '@/platform/actions/execute';
import { openApiDocument } from '../openapi.json/document';
import { GET as auditRoute } from './audit/route';
import { GET as timelineRoute } from './customers/[id]/timeline/route';
import { GET as searchRoute } from './customers/route';

// The staff console's read routes at their HTTP edge: who may call them, the envelope, odd input.
// What they answer is tested with the services (customers, timeline, audit modules).

const t = useTestDatabase();
const BASE = 'http://localhost:3000';
let org: Awaited<ReturnType<typeof seedOrg>>;
let staff: string;

const get = (path: string, cookie: string | null) => new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
const timeline = (id: string, query = '', cookie: string | null = staff) => timelineRoute(get(`/api/admin/customers/${encodeURIComponent(id)}/timeline${query}`, cookie), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  org = await seedOrg(t.db, { name: 'Route Testing Ltd' });
  await executeAction(userActor(org), inviteMember, { email: 'invitee@route.example', role: 'member' });
  staff = await staffCookie(t.db, 'agent');
});

describe('the staff console’s read routes', () => {
  it('answer 401 without a staff session, a customer’s session included', async () => {
    const customer = `deflect.session_token=${(await seedSession(t.db, org.userId, { activeOrganizationId: org.organizationId })).token}`;
    for (const cookie of [null, customer]) {
      const responses = [await searchRoute(get('/api/admin/customers?q=route', cookie), undefined), await timeline(org.organizationId, '', cookie), await auditRoute(get('/api/admin/audit', cookie), undefined)];
      for (const response of responses) {
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ success: false, error: { code: 'unauthorized' } });
      }
    }
  });

  it('search: the organizations in the envelope', async () => {
    const response = await searchRoute(get('/api/admin/customers?q=route%20testing', staff), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      success: true,
      data: { organizations: [expect.objectContaining({ id: org.organizationId, externalId: expect.any(String), name: 'Route Testing Ltd', plan: 'free', members: 1, openTickets: 0 })] },
    });
  });

  it('search: 422, never a 500, for control characters and huge queries', async () => {
    for (const q of ['%00', '%07bell', 'a'.repeat(300), encodeURIComponent('€'.repeat(100_000))]) {
      const response = await searchRoute(get(`/api/admin/customers?q=${q}`, staff), undefined);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ success: false, error: { code: 'validation_failed', fields: { q: expect.any(String) } } });
    }
  });

  it('timeline: a page of entries, and 404 for an organization that does not exist', async () => {
    const response = await timeline(org.organizationId, '?kinds=audit&limit=10');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, data: { entries: [{ kind: 'audit', summary: 'team.invite · invitee@route.example' }], nextBefore: null } });
    expect((await timeline('no-such-org')).status).toBe(404);
  });

  it('timeline: 422 for a forged cursor or an unknown kind', async () => {
    for (const query of ['?before=not-a-cursor', '?kinds=gossip', '?limit=1000']) {
      expect((await timeline(org.organizationId, query)).status).toBe(422);
    }
  });

  it('audit: the entries with their organization, filtered', async () => {
    const response = await auditRoute(get(`/api/admin/audit?actorType=customer&organizationId=${org.organizationId}`, staff), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, data: { entries: [{ action: 'team.invite', organization: { id: org.organizationId, name: 'Route Testing Ltd' } }], nextBefore: null } });
    expect((await auditRoute(get('/api/admin/audit?actorType=robot', staff), undefined)).status).toBe(422);
  });

  it('answer as the API reference documents them', async () => {
    const documented = (path: string) => {
      const operation = (openApiDocument().paths[path] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>).get!;
      return z.fromJSONSchema(operation.responses['200']!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    };
    const answers: [string, Response][] = [
      ['/api/admin/customers', await searchRoute(get('/api/admin/customers?q=route', staff), undefined)],
      ['/api/admin/customers/{id}/timeline', await timeline(org.organizationId)],
      ['/api/admin/audit', await auditRoute(get('/api/admin/audit', staff), undefined)],
    ];
    for (const [path, response] of answers) {
      const body = await response.json();
      expect(body.data[Object.keys(body.data)[0]!].length, path).toBeGreaterThan(0);
      expect(documented(path).safeParse(body).error, path).toBeUndefined();
    }
  });
});
