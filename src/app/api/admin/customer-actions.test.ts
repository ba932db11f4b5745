import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inviteMember } from '@/modules/team/actions';
import { executeAction } from '@/platform/actions/execute';
import { issueOpenInvoice } from '../../../../tests/support/invoice-fixtures';
import { useSmtpSink } from '../../../../tests/support/mail-fixtures';
import { customerActivity, signedInStaff } from '../../../../tests/support/staff-fixtures';
import { deliverWhileStripeIsDown, seedStripeTeam, useFakeStripe } from '../../../../tests/support/stripe-fixtures';
import { seedTeam, type SeededTeam } from '../../../../tests/support/team-fixtures';
import { seedSession, useTestDatabase, userActor } from '../../../../tests/support/test-db';
import { openApiDocument } from '../openapi.json/document';
import { POST as stripeSyncRoute } from './customers/[id]/stripe-sync/route';
import { POST as resendRoute } from './invitations/[id]/resend/route';
import { DELETE as revokeRoute } from './invitations/[id]/route';
import { POST as markPaidRoute } from './invoices/[id]/mark-paid/route';
import { POST as replayRoute } from './stripe-events/[id]/replay/route';

// The staff actions on a customer at their HTTP edge, with real staff sessions: who may call them,
// the envelope and the documented answers, odd input. What the actions do is tested beside them in their modules.

const t = useTestDatabase();
const fake = useFakeStripe();
useSmtpSink();

const ORIGIN = 'http://localhost:3000';
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

let team: SeededTeam;
let agent: Awaited<ReturnType<typeof signedInStaff>>;
let lead: Awaited<ReturnType<typeof signedInStaff>>;

function call(handler: Handler, path: string, id: string, options: { method?: string; cookie?: string | null; body?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  const request = new Request(`${ORIGIN}${path}`, { method: options.method ?? 'POST', headers, body: options.body });
  return handler(request, { params: Promise.resolve({ id }) });
}

type Answer = { status: number; body: { success: boolean; data?: Record<string, unknown>; error?: { code: string; fields?: Record<string, string> } } };

/** The answer, and a success checked against the response the API reference documents for it. */
async function answer(response: Response, documented?: { method: string; path: string }): Promise<Answer> {
  const result: Answer = { status: response.status, body: await response.json() };
  if (documented && response.ok) {
    const operation = (openApiDocument().paths[documented.path] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>)[documented.method]!;
    const schema = z.fromJSONSchema(operation.responses[String(response.status)]!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    expect(schema.safeParse(result.body).error, documented.path).toBeUndefined();
  }
  return result;
}

let seq = 0;
const openInvoice = () => issueOpenInvoice(t.db, team.organizationId);

async function pendingInvitation() {
  const { invitation } = await executeAction(userActor(team.owner), inviteMember, { email: `route-${++seq}@example.test`, role: 'viewer' });
  return invitation;
}

beforeAll(async () => {
  team = await seedTeam(t.db);
  agent = await signedInStaff(t.db, 'agent', { name: 'Route Agent' });
  lead = await signedInStaff(t.db, 'lead', { name: 'Route Lead' });
});

describe('POST /api/admin/invoices/{id}/mark-paid', () => {
  it('marks the invoice paid for a staff session, audited as the staff member', async () => {
    const invoice = await openInvoice();
    const response = await call(markPaidRoute, `/api/admin/invoices/${invoice.id}/mark-paid`, invoice.id, { cookie: agent.cookie, body: JSON.stringify({ reference: 'TRF-9' }) });
    const { status, body } = await answer(response, { method: 'post', path: '/api/admin/invoices/{id}/mark-paid' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, data: { invoice: { id: invoice.id, status: 'paid' } } });
    expect(await customerActivity(t.db, team.organizationId, 'staff.invoices.mark_paid')).toEqual([
      expect.objectContaining({ shownAs: 'Support (Route Agent)', entityId: invoice.id, after: { status: 'paid', reference: 'TRF-9' } }),
    ]);
  });

  it('answers 401 without a staff session (a customer’s included) and 403 from another origin', async () => {
    const invoice = await openInvoice();
    const customer = `deflect.session_token=${(await seedSession(t.db, team.owner.userId, { activeOrganizationId: team.organizationId })).token}`;
    const path = `/api/admin/invoices/${invoice.id}/mark-paid`;
    expect((await answer(await call(markPaidRoute, path, invoice.id))).status).toBe(401);
    expect((await answer(await call(markPaidRoute, path, invoice.id, { cookie: customer }))).body).toMatchObject({ success: false, error: { code: 'unauthorized' } });
    expect((await answer(await call(markPaidRoute, path, invoice.id, { cookie: agent.cookie, origin: 'https://evil.example' }))).status).toBe(403);
    expect((await answer(await call(markPaidRoute, path, invoice.id, { cookie: agent.cookie, origin: null }))).status).toBe(403);
  });

  it('answers 422 for odd bodies and 404 for an unknown id, never a 500', async () => {
    const invoice = await openInvoice();
    const path = `/api/admin/invoices/${invoice.id}/mark-paid`;
    for (const body of ['{"reference":', '[]', '"paid"', JSON.stringify({ reference: 'x'.repeat(201) }), JSON.stringify({ reference: 42 })]) {
      const { status, body: json } = await answer(await call(markPaidRoute, path, invoice.id, { cookie: agent.cookie, body }));
      expect(status, body).toBe(422);
      expect(json.error?.code, body).toBe('validation_failed');
    }
    expect((await answer(await call(markPaidRoute, '/api/admin/invoices/nope/mark-paid', 'nope', { cookie: agent.cookie }))).status).toBe(404);
    expect((await answer(await call(markPaidRoute, '/api/admin/invoices/x/mark-paid', 'a\u0000b', { cookie: agent.cookie }))).status).toBe(404);
  });
});

describe('the invitation routes', () => {
  it('POST …/resend mails a fresh link and answers the invitation; DELETE revokes it', async () => {
    const invitation = await pendingInvitation();
    const resent = await answer(await call(resendRoute, `/api/admin/invitations/${invitation.id}/resend`, invitation.id, { cookie: agent.cookie }), { method: 'post', path: '/api/admin/invitations/{id}/resend' });
    expect(resent).toMatchObject({ status: 200, body: { success: true, data: { invitation: { id: invitation.id, email: invitation.email, role: 'viewer', expired: false } } } });
    const revoked = await answer(await call(revokeRoute, `/api/admin/invitations/${invitation.id}`, invitation.id, { method: 'DELETE', cookie: agent.cookie }), { method: 'delete', path: '/api/admin/invitations/{id}' });
    expect(revoked).toMatchObject({ status: 200, body: { success: true, data: { invitation: { id: invitation.id, email: invitation.email } } } });
    expect((await customerActivity(t.db, team.organizationId, 'staff.invitations.revoke')).map((e) => [e.shownAs, e.entityId])).toEqual([['Support (Route Agent)', invitation.id]]);
    // No longer pending: both are not found.
    expect((await answer(await call(resendRoute, `/api/admin/invitations/${invitation.id}/resend`, invitation.id, { cookie: agent.cookie }))).status).toBe(404);
    expect((await answer(await call(revokeRoute, `/api/admin/invitations/${invitation.id}`, invitation.id, { method: 'DELETE', cookie: agent.cookie }))).status).toBe(404);
  });

  it('answer 401 without a staff session and 404 for an unknown id', async () => {
    const invitation = await pendingInvitation();
    expect((await answer(await call(resendRoute, '/api/admin/invitations/x/resend', invitation.id))).status).toBe(401);
    expect((await answer(await call(revokeRoute, '/api/admin/invitations/x', invitation.id, { method: 'DELETE' }))).status).toBe(401);
    expect((await answer(await call(revokeRoute, '/api/admin/invitations/x', crypto.randomUUID(), { method: 'DELETE', cookie: lead.cookie }))).body.error?.code).toBe('not_found');
  });
});

describe('the leads’ Stripe routes', () => {
  async function failedEvent() {
    const customer = fake.stripe.world.createCustomer({ name: `Stripe Route ${++seq}` });
    const stripeTeam = await seedStripeTeam(t.db, customer.id);
    fake.stripe.world.updateCustomer(customer.id, { name: 'Renamed at Stripe' });
    const event = fake.stripe.state.events.at(-1)!;
    expect(await deliverWhileStripeIsDown(t.db, fake.stripe, event)).toBe('failed');
    return { organizationId: stripeTeam.organizationId, eventId: event.id };
  }

  it('POST /api/admin/stripe-events/{id}/replay: 200 with the event for a lead, 403 for an agent, 404 for an unknown event', async () => {
    const { organizationId, eventId } = await failedEvent();
    const path = `/api/admin/stripe-events/${eventId}/replay`;
    expect(await answer(await call(replayRoute, path, eventId, { cookie: agent.cookie }))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const replayed = await answer(await call(replayRoute, path, eventId, { cookie: lead.cookie }), { method: 'post', path: '/api/admin/stripe-events/{id}/replay' });
    expect(replayed).toMatchObject({ status: 200, body: { success: true, data: { event: { id: eventId, status: 'processed', attempts: 2 } } } });
    expect((await customerActivity(t.db, organizationId, 'staff.stripe_events.replay')).map((e) => e.shownAs)).toEqual(['Support (Route Lead)']);
    expect((await answer(await call(replayRoute, '/api/admin/stripe-events/evt_none/replay', 'evt_none', { cookie: lead.cookie }))).status).toBe(404);
  });

  it('POST /api/admin/customers/{id}/stripe-sync: 202 for a lead, 403 for an agent, 404 for an unknown customer, 409 off Stripe', async () => {
    const { organizationId } = await failedEvent();
    const path = (id: string) => `/api/admin/customers/${id}/stripe-sync`;
    expect((await answer(await call(stripeSyncRoute, path(organizationId), organizationId, { cookie: agent.cookie }))).status).toBe(403);
    const synced = await answer(await call(stripeSyncRoute, path(organizationId), organizationId, { cookie: lead.cookie }), { method: 'post', path: '/api/admin/customers/{id}/stripe-sync' });
    expect(synced).toMatchObject({ status: 202, body: { success: true, data: { sync: { organizationId, parts: ['subscription', 'invoices', 'customer'] } } } });
    expect((await customerActivity(t.db, organizationId, 'staff.stripe.sync')).map((e) => e.shownAs)).toEqual(['Support (Route Lead)']);
    const unknown = crypto.randomUUID();
    expect((await answer(await call(stripeSyncRoute, path(unknown), unknown, { cookie: lead.cookie }))).status).toBe(404);
    expect((await answer(await call(stripeSyncRoute, path(team.organizationId), team.organizationId, { cookie: lead.cookie }))).status).toBe(409);
  });
});
