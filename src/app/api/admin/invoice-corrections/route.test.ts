import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { updateBillingDetails } from '@/modules/billing/service';
import { requestInvoiceCorrection } from '@/modules/invoices/service';
import { executeAction } from '@/platform/actions/execute';
import { issueOpenInvoice } from '../../../../../tests/support/invoice-fixtures';
import { signedInStaff } from '../../../../../tests/support/staff-fixtures';
import { seedTeam, type SeededTeam } from '../../../../../tests/support/team-fixtures';
import { seedSession, useTestDatabase, userActor } from '../../../../../tests/support/test-db';
import { openApiDocument } from '../../openapi.json/document';
import { POST as approveRoute } from './[id]/approve/route';
import { GET as listRoute } from './route';

// The console's invoice corrections at their HTTP edge: who may list and approve, documented shapes, odd input.
// What approving does at Stripe is tested in src/modules/invoices/corrections-stripe.test.ts.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';

let team: SeededTeam;
let correctionId: string;

const list = (query: string, cookie: string) => listRoute(new Request(`${ORIGIN}/api/admin/invoice-corrections${query}`, { headers: { cookie } }), undefined);
const approve = (id: string, cookie: string) =>
  approveRoute(new Request(`${ORIGIN}/api/admin/invoice-corrections/${id}/approve`, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: '{}' }), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  team = await seedTeam(t.db, ['billing']);
  const invoice = await issueOpenInvoice(t.db, team.organizationId);
  await executeAction(userActor(team.members[0]!), updateBillingDetails, { companyName: 'Routed Holdings Ltd' });
  correctionId = (await executeAction(userActor(team.members[0]!), requestInvoiceCorrection, { invoiceId: invoice.id })).correction.id;
});

describe('/api/admin/invoice-corrections', () => {
  it('answers 401 to a customer’s session', async () => {
    const customer = `deflect.session_token=${(await seedSession(t.db, team.owner.userId, { activeOrganizationId: team.organizationId })).token}`;
    expect((await list('', customer)).status).toBe(401);
  });

  it('lists the corrections by status for any staff member, as documented, and refuses an unknown status', async () => {
    const agent = await signedInStaff(t.db, 'agent');
    const response = await list('?status=issued', agent.cookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    const operation = (openApiDocument().paths['/api/admin/invoice-corrections'] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>).get!;
    const schema = z.fromJSONSchema(operation.responses['200']!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    expect(schema.safeParse(body).error).toBeUndefined();
    expect(body.data.corrections.find((c: { id: string }) => c.id === correctionId)).toMatchObject({ status: 'issued', revision: 2, organization: { id: team.organizationId }, changedFields: ['companyName'] });
    expect(body.data.corrections.every((c: { status: string }) => c.status === 'issued')).toBe(true);
    expect((await list('?status=nope', agent.cookie)).status).toBe(422);
  });

  it('lets only a lead approve, and only a Stripe correction awaiting approval', async () => {
    const agent = await signedInStaff(t.db, 'agent');
    expect((await approve(correctionId, agent.cookie)).status).toBe(403);
    const lead = await signedInStaff(t.db, 'lead');
    const contract = await approve(correctionId, lead.cookie);
    expect(contract.status).toBe(409);
    expect(await contract.json()).toMatchObject({ success: false, error: { code: 'conflict' } });
    expect((await approve(crypto.randomUUID(), lead.cookie)).status).toBe(404);
  });
});
