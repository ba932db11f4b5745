import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { organization } from '@/platform/tenancy/schema';
import { parseInput } from '@/platform/http/validation';
import { customerTimeline, timelineQuery } from '@/modules/timeline/service';
import { appErrorCodeOf } from '../../../../tests/support/errors';
import { seedStaff } from '../../../../tests/support/staff-fixtures';
import { auditOf, eventsOf, seedTeam } from '../../../../tests/support/team-fixtures';
import { hostActor, useRacers, useTestDatabase, userActor, type SeededOrg } from '../../../../tests/support/test-db';
import { contactAttempts } from '../schema';
import { createTicket, deflectedTickets, dismissAutoAnswer, rateTicket, replyToTicket, solveTicket, staffReply, staffThread, staffUpdateTicket, ticketQuery, ticketQueue, ticketsQuery, fileHostTicket } from './service';

const t = useTestDatabase();
const racers = useRacers(t, 5);

const open = (member: SeededOrg, input: Record<string, unknown> = {}) =>
  executeAction(userActor(member), createTicket, { subject: 'Refund for March', body: 'We were charged twice, please refund one.', category: 'refund', ...input }).then((r) => r.ticket);
const thread = (member: SeededOrg, ticketId: string) => executeQuery(userActor(member), ticketQuery, { ticketId });

describe('scoping', () => {
  it('answers another organization’s ticket as not found, for reads and writes alike', async () => {
    const a = await seedTeam(t.db);
    const b = await seedTeam(t.db);
    const ticket = await open(a.owner);
    expect(await appErrorCodeOf(thread(b.owner, ticket.id))).toBe('not_found');
    expect(await appErrorCodeOf(executeAction(userActor(b.owner), replyToTicket, { ticketId: ticket.id, body: 'hi' }))).toBe('not_found');
    expect(await appErrorCodeOf(executeAction(userActor(b.owner), solveTicket, { ticketId: ticket.id, status: 'solved' }))).toBe('not_found');
    expect((await executeQuery(userActor(b.owner), ticketsQuery, {})).tickets).toEqual([]);
  });

  it('shows a member only their own tickets; an owner or admin sees the organization’s', async () => {
    const team = await seedTeam(t.db, ['member', 'member', 'admin']);
    const [alice, bob, admin] = team.members as [SeededOrg, SeededOrg, SeededOrg];
    const mine = await open(alice);
    expect(await appErrorCodeOf(thread(bob, mine.id))).toBe('not_found');
    expect(await appErrorCodeOf(executeAction(userActor(bob), replyToTicket, { ticketId: mine.id, body: 'me too' }))).toBe('not_found');
    expect((await executeQuery(userActor(bob), ticketsQuery, {})).tickets).toEqual([]);
    expect((await thread(admin, mine.id)).ticket.id).toBe(mine.id);
    expect((await executeQuery(userActor(team.owner), ticketsQuery, {})).tickets.map((x) => x.id)).toEqual([mine.id]);
  });

  it('refuses a viewer a ticket (forbidden) but lets them read the list', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    expect(await appErrorCodeOf(open(team.members[0]!))).toBe('forbidden');
    expect((await executeQuery(userActor(team.members[0]!), ticketsQuery, {})).tickets).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('numbers tickets per organization from 1, also when they race', async () => {
    const a = await seedTeam(t.db);
    const b = await seedTeam(t.db);
    const numbers = await Promise.all(Array.from({ length: 5 }, (_, i) => executeAction(userActor(a.owner), createTicket, { subject: `s${i}`, body: 'b' }, { db: racers.db }).then((r) => r.ticket.number)));
    expect(numbers.toSorted()).toEqual([1, 2, 3, 4, 5]);
    expect((await open(b.owner)).number).toBe(1);
  });

  it('goes open → waiting_on_customer on a staff reply → solved by the customer → open again on a reply; rated only once solved', async () => {
    const team = await seedTeam(t.db);
    const agent = await seedStaff(t.db, 'agent', { name: 'Sam' });
    const ticket = await open(team.owner);
    expect(ticket.status).toBe('open');
    expect(await appErrorCodeOf(executeAction(userActor(team.owner), rateTicket, { ticketId: ticket.id, rating: 'good' }))).toBe('conflict');

    await executeAction(agent, staffReply, { ticketId: ticket.id, body: 'Refunded, it shows in 5 days.' });
    expect((await thread(team.owner, ticket.id)).ticket.status).toBe('waiting_on_customer');
    const solved = await executeAction(userActor(team.owner), solveTicket, { ticketId: ticket.id, status: 'solved' });
    expect(solved.ticket).toMatchObject({ status: 'solved', solvedAt: expect.any(String) });
    expect(await appErrorCodeOf(executeAction(userActor(team.owner), solveTicket, { ticketId: ticket.id, status: 'open' }))).toBe('validation_failed');

    const rated = await executeAction(userActor(team.owner), rateTicket, { ticketId: ticket.id, rating: 'good', comment: 'Quick!' });
    expect(rated.ticket).toMatchObject({ rating: 'good', ratingComment: 'Quick!' });

    await executeAction(userActor(team.owner), replyToTicket, { ticketId: ticket.id, body: 'Actually, it has not arrived.' });
    const reopened = await thread(team.owner, ticket.id);
    expect(reopened.ticket).toMatchObject({ status: 'open', solvedAt: null });
    expect(reopened.messages.map((m) => [m.author.type, m.author.name])).toEqual([
      ['customer', team.owner.name],
      ['staff', 'Support (Sam)'],
      ['customer', team.owner.name],
    ]);
    const events = (await eventsOf(t.db, team.organizationId)).map((e) => e.type);
    expect(events).toEqual(['ticket.created', 'ticket.staff_replied', 'ticket.solved', 'ticket.rated', 'ticket.customer_replied']);
    const audit = await auditOf(t.db, team.organizationId);
    expect(audit.map((a) => a.action)).toEqual(['support.create_ticket', 'staff.tickets.reply', 'support.solve_ticket', 'support.rate_ticket', 'support.reply']);
  });

  it('ties the contact attempt to the ticket, only the sender’s own', async () => {
    const team = await seedTeam(t.db, ['member']);
    const [attempt, other] = await t.db
      .insert(contactAttempts)
      .values([
        { id: crypto.randomUUID(), organizationId: team.organizationId, userId: team.owner.userId },
        { id: crypto.randomUUID(), organizationId: team.organizationId, userId: team.members[0]!.userId },
      ])
      .returning();
    const ticket = await open(team.owner, { attemptId: attempt!.id });
    const [row] = await t.db.select().from(contactAttempts).where(eq(contactAttempts.id, attempt!.id));
    expect(row).toMatchObject({ outcome: 'ticket', outcomeTarget: ticket.id, resolvedAt: expect.any(Date) });
    await open(team.owner, { attemptId: other!.id });
    const [untouched] = await t.db.select().from(contactAttempts).where(eq(contactAttempts.id, other!.id));
    expect(untouched).toMatchObject({ outcome: null, outcomeTarget: null });
  });
});

describe('internal notes', () => {
  it('appear in no answer of any customer read or write (what each customer route answers)', async () => {
    const team = await seedTeam(t.db);
    const owner = userActor(team.owner);
    const NOTE = 'INTERNAL: asked for a refund twice before';
    const answers: unknown[] = [];
    const keep = <R>(answer: R) => (answers.push(answer), answer);
    const { ticket } = keep(await executeAction(owner, createTicket, { subject: 'Card', body: 'How do I update our card?', category: 'card' }));
    const agent = await seedStaff(t.db, 'agent');
    await executeAction(agent, staffReply, { ticketId: ticket.id, body: NOTE, internal: true });
    await executeAction(agent, staffReply, { ticketId: ticket.id, body: 'Use the link above.' });

    const read = keep(await executeQuery(owner, ticketQuery, { ticketId: ticket.id }));
    expect(read.messages.map((m) => m.author.type)).toEqual(['customer', 'auto', 'staff']);
    keep(await executeQuery(owner, ticketsQuery, {}));
    keep(await executeAction(owner, dismissAutoAnswer, { ticketId: ticket.id }));
    keep(await executeAction(owner, replyToTicket, { ticketId: ticket.id, body: 'Still failing' }));
    keep(await executeAction(owner, solveTicket, { ticketId: ticket.id, status: 'solved' }));
    keep(await executeAction(owner, rateTicket, { ticketId: ticket.id, rating: 'bad' }));
    keep(await executeQuery(owner, ticketQuery, { ticketId: ticket.id }));
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain('INTERNAL');
      expect(JSON.stringify(answer)).not.toContain('"internal"');
    }
  });
});

describe('staff', () => {
  it('keeps internal notes from the customer, emits nothing for them, and lists the queue oldest waiting first', async () => {
    const team = await seedTeam(t.db);
    const agent = await seedStaff(t.db, 'agent', { name: 'Ana' });
    const first = await open(team.owner, { subject: 'First' });
    const second = await open(team.owner, { subject: 'Second' });
    await executeAction(agent, staffReply, { ticketId: first.id, body: 'Customer seems upset; check the refund policy', internal: true });
    expect((await thread(team.owner, first.id)).messages.map((m) => m.body)).not.toContain('Customer seems upset; check the refund policy');
    expect((await staffThread(t.db, first.id)).messages.filter((m) => m.internal).map((m) => m.body)).toEqual(['Customer seems upset; check the refund policy']);
    expect((await eventsOf(t.db, team.organizationId)).map((e) => e.type)).toEqual(['ticket.created', 'ticket.created']);

    const queue = (await ticketQueue(t.db, {})).tickets.filter((x) => x.organizationId === team.organizationId);
    expect(queue.map((x) => x.subject)).toEqual(['Second', 'First']);

    await executeAction(agent, staffUpdateTicket, { ticketId: second.id, assigneeId: agent.staffId, category: 'charge' });
    expect((await ticketQueue(t.db, { assignee: agent.staffId })).tickets.map((x) => [x.id, x.category, x.assigneeName])).toEqual([[second.id, 'charge', 'Ana']]);
    expect((await ticketQueue(t.db, { category: 'charge', status: 'solved' })).tickets).toEqual([]);
    expect(await appErrorCodeOf(executeAction(agent, staffUpdateTicket, { ticketId: second.id, assigneeId: 'nobody' }))).toBe('validation_failed');
  });

  it('cannot touch a ticket of another customer from that customer’s page', async () => {
    const a = await seedTeam(t.db);
    const b = await seedTeam(t.db);
    const ticket = await open(a.owner);
    const scoped = await seedStaff(t.db, 'agent', { organizationId: b.organizationId });
    expect(await appErrorCodeOf(executeAction(scoped, staffReply, { ticketId: ticket.id, body: 'x' }))).toBe('not_found');
  });
});

describe('timeline', () => {
  it('lists each ticket on the customer’s timeline as kind ticket, with its status', async () => {
    const team = await seedTeam(t.db);
    const ticket = await open(team.owner, { subject: 'Where is my refund?' });
    const { entries } = await customerTimeline(t.db, team.organizationId, parseInput(timelineQuery, { kinds: 'ticket' }));
    expect(entries).toEqual([expect.objectContaining({ kind: 'ticket', summary: 'Ticket #1 opened: Where is my refund?', ref: { type: 'ticket', id: ticket.id }, status: 'open', actor: expect.objectContaining({ label: team.owner.name }) })]);
  });
});

describe('auto-answer', () => {
  it('answers a category with a screen at once, waiting on the customer; solving it then counts as a deflection', async () => {
    const team = await seedTeam(t.db);
    const before = await deflectedTickets(t.db, team.organizationId);
    const ticket = await open(team.owner, { subject: 'New card', body: 'How do I change our card?', category: 'card' });
    expect(ticket.status).toBe('waiting_on_customer');
    const { messages } = await thread(team.owner, ticket.id);
    expect(messages[1]).toMatchObject({ author: { type: 'auto' }, dismissedAt: null, body: expect.stringContaining('You can do this yourself in 20 seconds: Update your card → /account/billing?flow=payment_method_update') });
    await executeAction(userActor(team.owner), solveTicket, { ticketId: ticket.id, status: 'solved' });
    expect(await deflectedTickets(t.db, team.organizationId)).toBe(before + 1);
    const solved = (await eventsOf(t.db, team.organizationId)).find((e) => e.type === 'ticket.solved');
    expect(solved?.payload).toMatchObject({ by: 'customer', deflected: true });
  });

  it('on "I still need a person" is dismissed, the ticket joins the queue as open, and solving it is no deflection', async () => {
    const team = await seedTeam(t.db);
    const ticket = await open(team.owner, { category: 'invoices', subject: 'Invoices', body: 'Send me last quarter’s invoices' });
    const { ticket: dismissed } = await executeAction(userActor(team.owner), dismissAutoAnswer, { ticketId: ticket.id });
    expect(dismissed.status).toBe('open');
    expect((await thread(team.owner, ticket.id)).messages[1]!.dismissedAt).toEqual(expect.any(String));
    expect(await appErrorCodeOf(executeAction(userActor(team.owner), dismissAutoAnswer, { ticketId: ticket.id }))).toBe('conflict');
    await executeAction(userActor(team.owner), solveTicket, { ticketId: ticket.id, status: 'solved' });
    expect(await deflectedTickets(t.db, team.organizationId)).toBe(0);
  });

  it('leaves a refund (no screen) to a person', async () => {
    const team = await seedTeam(t.db);
    const ticket = await open(team.owner);
    expect(ticket.status).toBe('open');
    expect((await thread(team.owner, ticket.id)).messages.map((m) => m.author.type)).toEqual(['customer']);
  });
});

describe('host', () => {
  it('files a ticket for the organization by external id, numbered in the same sequence', async () => {
    const team = await seedTeam(t.db);
    await open(team.owner);
    const externalId = `ext-${crypto.randomUUID()}`;
    await t.db.update(organization).set({ externalId }).where(eq(organization.id, team.organizationId));
    const { ticket } = await executeAction(hostActor, fileHostTicket, { organizationExternalId: externalId, requester: { email: 'Pat@Example.com', name: 'Pat' }, subject: 'Help', body: 'From the app' });
    expect(ticket).toMatchObject({ number: 2, source: 'host', createdBy: { userId: null, name: 'Pat', email: 'pat@example.com' } });
    expect(await appErrorCodeOf(executeAction(hostActor, fileHostTicket, { organizationExternalId: 'nope', requester: { email: 'a@example.com' }, subject: 's', body: 'b' }))).toBe('not_found');
    expect(await appErrorCodeOf(executeAction(hostActor, fileHostTicket, { organizationExternalId: externalId, requester: { email: 'not-an-email' }, subject: '', body: 'b' }))).toBe('validation_failed');
  });
});
