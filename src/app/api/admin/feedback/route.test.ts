import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { staffCookie } from '../../../../../tests/support/staff-fixtures';
import { seedOrg, seedSession, useTestDatabase, userActor, type SeededOrg } from '../../../../../tests/support/test-db';
import { submitFeedback } from '@/modules/feedback/service';
import { executeAction } from '@/platform/actions/execute';
import { openApiDocument } from '../../openapi.json/document';
import { GET } from './route';

// The console's feedback list at its HTTP edge: staff only, newest first across customers, by kind.

const t = useTestDatabase();
const get = (query: string, cookie: string | null) => GET(new Request(`http://localhost:3000/api/admin/feedback${query}`, { headers: cookie ? { cookie } : {} }), undefined);

let acme: SeededOrg;
let globex: SeededOrg;
let agent: string;
const sent: string[] = [];

beforeAll(async () => {
  acme = await seedOrg(t.db, { name: 'Acme Feedback Ltd', role: 'viewer' });
  globex = await seedOrg(t.db, { name: 'Globex Feedback Inc' });
  for (const [who, kind, page] of [[acme, 'idea', '/account/billing'], [globex, 'bug', '/account/usage'], [acme, 'question', '/account']] as const) {
    const { feedback } = await executeAction(userActor(who), submitFeedback, { kind, message: `A ${kind} about ${page}`, page });
    sent.push(feedback.id);
  }
  agent = await staffCookie(t.db, 'agent');
});

describe('GET /api/admin/feedback', () => {
  it('answers 401 without a staff session, a customer’s session included', async () => {
    const customer = `deflect.session_token=${(await seedSession(t.db, acme.userId, { activeOrganizationId: acme.organizationId })).token}`;
    for (const cookie of [null, customer]) {
      const response = await get('', cookie);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ success: false, error: { code: 'unauthorized' } });
    }
  });

  it('lists every customer’s feedback newest first, with the organization and sender, as documented', async () => {
    const response = await get('', agent);
    expect(response.status).toBe(200);
    const body = await response.json();
    const operation = (openApiDocument().paths['/api/admin/feedback'] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>).get!;
    const schema = z.fromJSONSchema(operation.responses['200']!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    expect(schema.safeParse(body).error).toBeUndefined();
    const mine = body.data.feedback.filter((f: { id: string }) => sent.includes(f.id));
    expect(mine.map((f: { id: string }) => f.id)).toEqual([...sent].reverse());
    expect(mine[2]).toEqual({
      id: sent[0],
      kind: 'idea',
      message: 'A idea about /account/billing',
      page: '/account/billing',
      createdAt: expect.any(String),
      organization: { id: acme.organizationId, name: 'Acme Feedback Ltd' },
      from: acme.email,
    });
  });

  it('filters by kind, and answers 422 for an unknown kind or limit', async () => {
    const bugs = (await (await get('?kind=bug', agent)).json()).data.feedback as { kind: string; id: string }[];
    expect(bugs.length).toBeGreaterThan(0);
    expect(bugs.every((f) => f.kind === 'bug')).toBe(true);
    expect(bugs.map((f) => f.id)).toContain(sent[1]);
    for (const query of ['?kind=complaint', '?limit=0', '?limit=abc']) {
      const response = await get(query, agent);
      expect(response.status, query).toBe(422);
      expect(await response.json()).toMatchObject({ success: false, error: { code: 'validation_failed' } });
    }
  });
});
