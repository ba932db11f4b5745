import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '@config/events';
import { appErrorCodeOf, rejectionOf } from '../../../tests/support/errors';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { auditOf, eventsOf } from '../../../tests/support/team-fixtures';
import { seedOrg, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { AppError } from '@/platform/http/errors';
import { submitFeedback } from './actions';
import { feedback } from './schema';

const t = useTestDatabase();

const send = (actor: Parameters<typeof executeAction>[0], input: Record<string, unknown>) => executeAction(actor, submitFeedback, input);

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string> | undefined> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_failed');
  return (error as AppError).fields;
}

describe('sending feedback', () => {
  it('stores it for the sender’s organization, audits it without the message and emits feedback.submitted', async () => {
    const viewer = await seedOrg(t.db, { role: 'viewer' });
    const message = 'It would help to see the VAT on each invoice line.\nMy phone is 555-0100.';
    const { feedback: sent } = await send(userActor(viewer), { kind: 'idea', message: `  ${message}  `, page: '/account/billing/' });
    expect(sent).toEqual({ id: expect.any(String), kind: 'idea', message, page: '/account/billing', createdAt: expect.any(String) });

    const rows = await t.db.select().from(feedback).where(eq(feedback.id, sent.id));
    expect(rows).toEqual([expect.objectContaining({ organizationId: viewer.organizationId, userId: viewer.userId, kind: 'idea', message, page: '/account/billing' })]);

    const audit = await auditOf(t.db, viewer.organizationId, ['feedback.submit']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'feedback', entityId: sent.id, after: { kind: 'idea', page: '/account/billing', messageLength: message.length } });
    expect(JSON.stringify(audit[0])).not.toContain('555-0100');

    const events = (await eventsOf(t.db, viewer.organizationId)).filter((e) => e.type === 'feedback.submitted');
    expect(events).toHaveLength(1);
    const payload = eventCatalog['feedback.submitted'].data.parse(events[0]!.payload);
    expect(payload).toEqual({ organizationId: viewer.organizationId, feedbackId: sent.id, userId: viewer.userId, kind: 'idea', page: '/account/billing', message });
    expect(eventCatalog['feedback.submitted']).toMatchObject({ supportTeam: true, channels: expect.arrayContaining(['webhook', 'slack']) });
  });

  it('is scoped to the organization the member is acting in', async () => {
    const me = await seedOrg(t.db, { role: 'member' });
    const elsewhere = await seedOrg(t.db, { userId: me.userId, role: 'owner' });
    const { feedback: sent } = await send(userActor(elsewhere), { kind: 'bug', message: 'The chart is empty.', page: '/account/usage' });
    const [row] = await t.db.select().from(feedback).where(eq(feedback.id, sent.id));
    expect(row!.organizationId).toBe(elsewhere.organizationId);
    expect((await eventsOf(t.db, me.organizationId)).filter((e) => e.type === 'feedback.submitted')).toEqual([]);
  });

  it('answers 422 for a page outside the portal, naming the field, and stores nothing', async () => {
    const owner = await seedOrg(t.db);
    const pages = [
      'https://evil.example/account',
      '//evil.example/account',
      'javascript:alert(1)',
      '/accounting',
      '/admin/feedback',
      '/account/../admin',
      '/account/./billing',
      '/account//billing',
      '/account/billing?x=1',
      '/account/billing#top',
      '/account/%2e%2e/admin',
      '/account\\billing',
      'account/billing',
      '',
      `/account/${'a'.repeat(400)}`,
    ];
    for (const page of pages) {
      expect(await fieldsOf(send(userActor(owner), { kind: 'bug', message: 'Broken.', page })), page).toEqual({ page: expect.any(String) });
    }
    expect(await fieldsOf(send(userActor(owner), { kind: 'bug', message: 'Broken.', page: 42 }))).toEqual({ page: expect.any(String) });
    expect(await t.db.select().from(feedback).where(eq(feedback.organizationId, owner.organizationId))).toEqual([]);
    expect(await auditOf(t.db, owner.organizationId, ['feedback.submit'])).toEqual([]);
  });

  it('answers 422 for an unknown kind and an empty or overlong message', async () => {
    const owner = await seedOrg(t.db);
    const page = '/account';
    expect(await fieldsOf(send(userActor(owner), { kind: 'complaint', message: 'Hm.', page }))).toEqual({ kind: 'Choose bug, idea or question.' });
    expect(await fieldsOf(send(userActor(owner), { message: 'Hm.', page }))).toEqual({ kind: 'Choose bug, idea or question.' });
    expect(await fieldsOf(send(userActor(owner), { kind: 'idea', message: ' \n\t ', page }))).toEqual({ message: 'Write a message.' });
    expect(await fieldsOf(send(userActor(owner), { kind: 'idea', page }))).toEqual({ message: 'Write a message.' });
    expect(await fieldsOf(send(userActor(owner), { kind: 'idea', message: 'x'.repeat(5001), page }))).toEqual({ message: expect.stringContaining('5,000') });
    expect((await send(userActor(owner), { kind: 'idea', message: 'x'.repeat(5000), page })).feedback.message).toHaveLength(5000);
  });

  it('is refused to a staff member: feedback is a customer’s', async () => {
    const owner = await seedOrg(t.db);
    const staff = await seedStaff(t.db, 'lead', { organizationId: owner.organizationId });
    expect(['forbidden', 'unauthorized']).toContain(await appErrorCodeOf(send(staff, { kind: 'bug', message: 'x', page: '/account' })));
  });
});
