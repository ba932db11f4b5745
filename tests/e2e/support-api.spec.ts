import { expect, test, type APIRequestContext, type APIResponse, type Browser } from '@playwright/test';
import { E2E_BASE_URL } from '../support/e2e-env';
import { createHandoff, newHostCustomer, uniqueId, type HandoffRequest } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';

// The customer's support routes (/api/account/support/*) over HTTP, each call with the session of the
// person making it: the support team's internal notes are in none of their answers, and a ticket or a
// contact attempt answers only the people who may see it — 404 for everyone else.

const sameOrigin = { Origin: E2E_BASE_URL };
type Role = NonNullable<HandoffRequest['role']>;
type Ticket = { id: string; number: number; status: string };

/** A person of the host product, signed into the portal by following a handoff link: their session's requests. */
async function signedIn(browser: Browser, person: HandoffRequest): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const landed = await context.request.get((await createHandoff(context.request, person)).url);
  expect(landed.status()).toBe(200);
  return context.request;
}

/** Someone else of the same host organization, with `role`. */
function teammate(of: HandoffRequest, role: Role): HandoffRequest {
  const id = uniqueId();
  return { user: { externalId: `usr_${role}_${id}`, email: `e2e-${role}-${id}@example.test`, name: `Tia Teammate ${id}` }, organization: of.organization, role };
}

async function data<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { data: T }).data;
}

/** Asks for suggestions as the contact form does: the visit's contact attempt comes with the answer. */
async function newAttempt(person: APIRequestContext, q: string): Promise<string> {
  return (await data<{ attemptId: string }>(await person.get(`/api/account/support/suggestions?q=${encodeURIComponent(q)}`), 200)).attemptId;
}

async function openTicket(person: APIRequestContext, input: { subject: string; body: string; category?: string; attemptId?: string }): Promise<Ticket> {
  return (await data<{ ticket: Ticket }>(await person.post('/api/account/support/tickets', { headers: sameOrigin, data: input }), 201)).ticket;
}

/** Every customer route that names one ticket, as `person` calls it (writes with the portal's Origin). */
function ticketRoutes(person: APIRequestContext, id: string): [string, () => Promise<APIResponse>][] {
  const at = `/api/account/support/tickets/${encodeURIComponent(id)}`;
  return [
    [`GET ${at}`, () => person.get(at)],
    [`POST ${at}/messages`, () => person.post(`${at}/messages`, { headers: sameOrigin, data: { body: 'Any news?' } })],
    [`PATCH ${at}`, () => person.patch(at, { headers: sameOrigin, data: { status: 'solved' } })],
    [`POST ${at}/rating`, () => person.post(`${at}/rating`, { headers: sameOrigin, data: { rating: 'bad' } })],
    [`POST ${at}/auto-answer/dismiss`, () => person.post(`${at}/auto-answer/dismiss`, { headers: sameOrigin })],
  ];
}

/** Every customer route that names one contact attempt. */
function attemptRoutes(person: APIRequestContext, attemptId: string): [string, () => Promise<APIResponse>][] {
  const at = `/api/account/support/attempts/${encodeURIComponent(attemptId)}`;
  return [
    [`GET /api/account/support/suggestions?attemptId=`, () => person.get(`/api/account/support/suggestions?q=card&attemptId=${encodeURIComponent(attemptId)}`)],
    [`POST ${at}/resolved`, () => person.post(`${at}/resolved`, { headers: sameOrigin, data: { via: 'screen', target: '/account/billing' } })],
    [`POST ${at}/feedback`, () => person.post(`${at}/feedback`, { headers: sameOrigin, data: { solved: true } })],
  ];
}

async function expectNotFound(routes: [string, () => Promise<APIResponse>][]): Promise<void> {
  for (const [name, call] of routes) {
    const response = await call();
    expect(response.status(), `${name}: ${await response.text()}`).toBe(404);
    expect(await response.json(), name).toMatchObject({ success: false, error: { code: 'not_found' } });
  }
}

test('an internal note of the support team is in no answer of any customer support route', async ({ browser }) => {
  const acme = newHostCustomer('support-note');
  const owner = await signedIn(browser, acme);
  const admin = await signedIn(browser, teammate(acme, 'admin'));
  // A card question: the ticket gets the automatic answer, which the customer can dismiss.
  const subject = `Our card is declined ${uniqueId()}`;
  const ticket = await openTicket(owner, { subject, body: 'How do I change the card we pay with?', category: 'card', attemptId: await newAttempt(owner, 'How do I change the card') });

  const agent = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(agent, 'agent', '/admin/tickets');
  const note = `Internal: this customer charged back twice before ${uniqueId()}`;
  await data(await agent.request.post(`/api/admin/tickets/${ticket.id}/messages`, { headers: sameOrigin, data: { body: note, internal: true } }), 201);
  await data(await agent.request.post(`/api/admin/tickets/${ticket.id}/messages`, { headers: sameOrigin, data: { body: 'The link above changes the card.' } }), 201);
  // The note is there: the console's own read of the ticket holds it.
  expect(await (await agent.request.get(`/api/admin/tickets/${ticket.id}`)).text()).toContain(note);

  const at = `/api/account/support/tickets/${ticket.id}`;
  const attemptId = await newAttempt(owner, subject);
  const answers: [string, number, APIResponse][] = [
    ['GET /api/account/support/tickets', 200, await owner.get('/api/account/support/tickets')],
    ['GET /api/account/support/tickets?status=waiting_on_customer', 200, await owner.get('/api/account/support/tickets?status=waiting_on_customer')],
    [`GET ${at}`, 200, await owner.get(at)],
    [`GET ${at} (an admin of the organization)`, 200, await admin.get(at)],
    ['GET /api/account/support/suggestions', 200, await owner.get(`/api/account/support/suggestions?q=${encodeURIComponent(`${subject} charged back`)}&attemptId=${attemptId}`)],
    [`POST ${at}/auto-answer/dismiss`, 200, await owner.post(`${at}/auto-answer/dismiss`, { headers: sameOrigin })],
    [`POST ${at}/messages`, 201, await owner.post(`${at}/messages`, { headers: sameOrigin, data: { body: 'It still fails.' } })],
    [`PATCH ${at}`, 200, await owner.patch(at, { headers: sameOrigin, data: { status: 'solved' } })],
    [`POST ${at}/rating`, 200, await owner.post(`${at}/rating`, { headers: sameOrigin, data: { rating: 'good', comment: 'Fixed.' } })],
    [`POST /api/account/support/attempts/${attemptId}/resolved`, 204, await owner.post(`/api/account/support/attempts/${attemptId}/resolved`, { headers: sameOrigin, data: { via: 'screen', target: '/account/billing' } })],
    [`POST /api/account/support/attempts/${attemptId}/feedback`, 204, await owner.post(`/api/account/support/attempts/${attemptId}/feedback`, { headers: sameOrigin, data: { solved: false } })],
    ['GET /account/support (the page)', 200, await owner.get('/account/support')],
    ['GET /account/support/[id] (the page)', 200, await owner.get(`/account/support/${ticket.id}`)],
  ];
  for (const [name, status, response] of answers) {
    const text = await response.text();
    expect(response.status(), `${name}: ${text}`).toBe(status);
    expect(text, name).not.toContain(note);
  }

  // Solved and rated, the thread the customer reads: their message, the automatic answer, the reply, theirs.
  const read = await data<{ ticket: Ticket & { rating: string }; messages: { author: { type: string }; body: string }[] }>(await owner.get(at), 200);
  expect(read.ticket).toMatchObject({ status: 'solved', rating: 'good' });
  expect(read.messages.map((m) => m.author.type)).toEqual(['customer', 'auto', 'staff', 'customer']);
  for (const message of read.messages) expect(Object.keys(message)).not.toContain('internal');
});

test('a ticket or a contact attempt is 404 to another organization, and to a teammate unless owner or admin', async ({ browser }) => {
  const acme = newHostCustomer('support-scope');
  const owner = await signedIn(browser, acme);
  const admin = await signedIn(browser, teammate(acme, 'admin'));
  const mia = await signedIn(browser, teammate(acme, 'member'));
  const max = await signedIn(browser, teammate(acme, 'member'));
  const stranger = await signedIn(browser, newHostCustomer('support-stranger'));

  // Mia, a member, writes in about her card, with the attempt the contact form made.
  const attemptId = await newAttempt(mia, 'change the card');
  const ticket = await openTicket(mia, { subject: `Card ${uniqueId()}`, body: 'How do I change the card?', category: 'card', attemptId });
  const otherAttempt = await newAttempt(mia, 'invoice address');
  const before = await (await mia.get(`/api/account/support/tickets/${ticket.id}`)).json();

  // Max, another member, and the owner of another organization: nothing of hers exists for them.
  for (const outsider of [max, stranger]) {
    await expectNotFound(ticketRoutes(outsider, ticket.id));
    await expectNotFound(attemptRoutes(outsider, otherAttempt));
    const listed = await data<{ tickets: Ticket[] }>(await outsider.get('/api/account/support/tickets'), 200);
    expect(listed.tickets.map((t) => t.id)).not.toContain(ticket.id);
  }

  // The owner and an admin of her organization see it, in the list and alone.
  for (const lead of [owner, admin]) {
    expect((await data<{ tickets: Ticket[] }>(await lead.get('/api/account/support/tickets'), 200)).tickets.map((t) => t.id)).toContain(ticket.id);
    expect((await data<{ ticket: Ticket }>(await lead.get(`/api/account/support/tickets/${ticket.id}`), 200)).ticket.id).toBe(ticket.id);
  }

  // None of the refused writes changed her ticket or her attempt.
  expect(await (await mia.get(`/api/account/support/tickets/${ticket.id}`)).json()).toEqual(before);
  expect((await mia.post(`/api/account/support/attempts/${otherAttempt}/feedback`, { headers: sameOrigin, data: { solved: true } })).status()).toBe(204);
});
