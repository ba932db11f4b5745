import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organization } from '@/platform/tenancy/schema';
import { seedTeam } from '../../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../../tests/support/test-db';
import { POST } from '@/app/api/v1/tickets/route';

const t = useTestDatabase();
const SECRET = 'test-server-secret-not-for-production';

const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) =>
  POST(new Request('http://localhost:3000/api/v1/tickets', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), undefined as never);

describe('POST /api/v1/tickets', () => {
  it('files into the organization’s queue with the server secret; unknown organization 404; odd input 422; no secret 401', async () => {
    const team = await seedTeam(t.db);
    const externalId = `host-${crypto.randomUUID()}`;
    await t.db.update(organization).set({ externalId }).where(eq(organization.id, team.organizationId));
    const body = { organizationExternalId: externalId, requester: { email: 'pat@example.com', name: 'Pat' }, subject: 'From the app', body: 'Help', category: 'refund' };

    const filed = await post(body);
    expect(filed.status).toBe(201);
    expect(((await filed.json()) as { data: { ticket: unknown } }).data.ticket).toMatchObject({ number: 1, status: 'open', source: 'host', createdBy: { email: 'pat@example.com', name: 'Pat', userId: null } });
    expect((await post({ ...body, organizationExternalId: 'no-such-org' })).status).toBe(404);
    const bad = await post({ organizationExternalId: externalId, requester: { email: 'nope' }, subject: 'x' });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields)).toEqual(expect.arrayContaining(['requester.email', 'body']));
    expect((await post(body, {})).status).toBe(401);
  });
});
