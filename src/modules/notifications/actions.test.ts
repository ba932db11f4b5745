import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { auditOf, seedTeam } from '../../../tests/support/team-fixtures';
import { seedOrg, useTestDatabase, userActor, type SeededOrg } from '../../../tests/support/test-db';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { outbox } from '@/platform/actions/schema';
import { AppError } from '@/platform/http/errors';
import { markNotificationsRead, updateNotificationPreferences } from './actions';
import { notificationsQuery, preferencesQuery, unreadCountQuery } from './queries';
import { notificationPreferences, notifications } from './schema';

const t = useTestDatabase();

/** `count` notifications of one person in one organization, oldest first; returns their ids. */
async function notify(person: SeededOrg, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [event] = await t.db.insert(outbox).values({ organizationId: person.organizationId, type: 'invoice.issued', payload: {} }).returning({ id: outbox.id });
    const [row] = await t.db
      .insert(notifications)
      .values({ organizationId: person.organizationId, userId: person.userId, eventId: event!.id, type: 'invoice.issued', title: `Invoice ${i}`, body: 'Issued.', link: '/account/invoices' })
      .returning({ id: notifications.id });
    ids.push(String(row!.id));
  }
  return ids;
}

async function readAtOf(id: string): Promise<Date | null> {
  const [row] = await t.db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, Number(id)));
  return row!.readAt;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reading one’s notifications', () => {
  it('lists the reader’s own, in their current organization, newest first, a page at a time', async () => {
    const me = await seedOrg(t.db, { role: 'viewer' });
    const mine = await notify(me, 3);
    const colleague = await seedOrg(t.db, { organizationId: me.organizationId, role: 'admin' });
    await notify(colleague, 2);
    const elsewhere = await seedOrg(t.db, { userId: me.userId }); // the same person in another organization
    await notify(elsewhere, 1);

    const first = await executeQuery(userActor(me), notificationsQuery, { limit: '2' });
    expect(first.notifications.map((n) => n.id)).toEqual([mine[2], mine[1]]);
    expect(first).toMatchObject({ unreadCount: 3, nextBefore: mine[1] });
    expect(first.notifications[0]).toEqual({ id: mine[2], type: 'invoice.issued', title: 'Invoice 2', body: 'Issued.', link: '/account/invoices', readAt: null, createdAt: expect.any(String) });
    const second = await executeQuery(userActor(me), notificationsQuery, { limit: '2', before: first.nextBefore });
    expect(second).toMatchObject({ notifications: [{ id: mine[0] }], nextBefore: null });

    await executeAction(userActor(me), markNotificationsRead, { ids: [mine[0]] });
    const unread = await executeQuery(userActor(me), notificationsQuery, { unread: 'true' });
    expect(unread.notifications.map((n) => n.id)).toEqual([mine[2], mine[1]]);
    expect(await executeQuery(userActor(elsewhere), unreadCountQuery, {})).toEqual({ unreadCount: 1 });
  });

  it('refuses odd paging with 422 naming the field, and anyone who is not a signed-in member', async () => {
    const me = await seedOrg(t.db);
    expect((await refusal(executeQuery(userActor(me), notificationsQuery, { limit: '1000', unread: 'yes', before: 'x' }))).fields).toEqual({
      limit: expect.any(String),
      unread: 'Either true or false.',
      before: expect.any(String),
    });
    expect((await refusal(executeQuery(null, notificationsQuery, {}))).code).toBe('unauthorized');
    const host: Actor = { type: 'host', organizationId: me.organizationId };
    expect((await refusal(executeQuery(host, notificationsQuery, {}))).code).toBe('forbidden');
    const staff: Actor = { type: 'staff', staffId: 's1', email: 's@vendor.example', name: 'S', role: 'lead', organizationId: me.organizationId };
    expect((await refusal(executeQuery(staff, preferencesQuery, {}))).code).toBe('forbidden');
  });
});

describe('marking notifications read', () => {
  it('marks the ids given and answers the unread count; another person’s id is left untouched', async () => {
    const me = await seedOrg(t.db, { role: 'member' });
    const [a, b, c] = await notify(me, 3);
    const colleague = await seedOrg(t.db, { organizationId: me.organizationId, role: 'owner' });
    const [theirs] = await notify(colleague, 1);
    const elsewhere = await seedOrg(t.db, { userId: me.userId });
    const [mineElsewhere] = await notify(elsewhere, 1);

    expect(await executeAction(userActor(me), markNotificationsRead, { ids: [a, theirs, mineElsewhere] })).toEqual({ unreadCount: 2, marked: 1 });
    expect(await readAtOf(a!)).toBeInstanceOf(Date);
    expect(await readAtOf(theirs!)).toBeNull();
    expect(await readAtOf(mineElsewhere!)).toBeNull();
    // Marking one already read changes nothing, and keeps when it was read.
    const readAt = await readAtOf(a!);
    expect(await executeAction(userActor(me), markNotificationsRead, { ids: [Number(a)] })).toEqual({ unreadCount: 2, marked: 0 });
    expect(await readAtOf(a!)).toEqual(readAt);

    expect(await executeAction(userActor(me), markNotificationsRead, { all: true })).toEqual({ unreadCount: 0, marked: 2 });
    expect([await readAtOf(b!), await readAtOf(c!)].every((d) => d instanceof Date)).toBe(true);
    expect(await readAtOf(theirs!)).toBeNull();
    expect(await readAtOf(mineElsewhere!)).toBeNull();

    const audit = (await auditOf(t.db, me.organizationId, ['notifications.mark_read'])).map((r) => r.after);
    expect(audit).toEqual([{ ids: [a] }, { ids: [] }, { all: true, marked: 2 }]);
  });

  it('refuses a body that is neither ids nor all', async () => {
    const me = await seedOrg(t.db);
    for (const body of [{}, { ids: [] }, { ids: ['abc'] }, { all: false }, { ids: ['1'], all: true }]) {
      expect((await refusal(executeAction(userActor(me), markNotificationsRead, body))).code, JSON.stringify(body)).toBe('validation_failed');
    }
  });
});

describe('choosing one’s channels', () => {
  it('every role sees each event with the defaults, and a change is kept, audited with what changed', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    const viewer = userActor(team.members[0]!);
    const { preferences } = await executeQuery(viewer, preferencesQuery, {});
    expect(preferences.find((p) => p.event === 'billing.details_changed')).toEqual({ event: 'billing.details_changed', label: 'Billing details changed', email: true, inApp: true, locked: false });

    const changed = preferences.map((p) => (p.event === 'billing.details_changed' ? { ...p, email: false } : p));
    const result = await executeAction(viewer, updateNotificationPreferences, { preferences: changed });
    expect(result.preferences.find((p) => p.event === 'billing.details_changed')).toMatchObject({ email: false, inApp: true });
    expect((await executeQuery(viewer, preferencesQuery, {})).preferences).toEqual(result.preferences);
    // Only the changed choice is stored; the owner's stay the defaults.
    const stored = await t.db.select().from(notificationPreferences).where(and(eq(notificationPreferences.userId, team.members[0]!.userId), eq(notificationPreferences.organizationId, team.organizationId)));
    expect(stored.map((s) => [s.event, s.channel, s.enabled])).toEqual([['billing.details_changed', 'email', false]]);
    expect((await executeQuery(userActor(team.owner), preferencesQuery, {})).preferences.find((p) => p.event === 'billing.details_changed')).toMatchObject({ email: true });

    const [audit] = await auditOf(t.db, team.organizationId, ['notifications.update_preferences']);
    expect(audit).toMatchObject({ entityType: 'notification_preferences', entityId: team.members[0]!.userId, before: { 'billing.details_changed': { email: true } }, after: { 'billing.details_changed': { email: false } } });

    // Switched back on: the row says so.
    await executeAction(viewer, updateNotificationPreferences, { preferences: [{ event: 'billing.details_changed', email: true, inApp: true }] });
    expect((await executeQuery(viewer, preferencesQuery, {})).preferences.find((p) => p.event === 'billing.details_changed')).toMatchObject({ email: true });
  });

  it('refuses to switch a locked security notice off, an unknown event or one listed twice, with 422 naming the field', async () => {
    const me = await seedOrg(t.db);
    const cases: [unknown, Record<string, string>][] = [
      [{ preferences: [{ event: 'api_key.created', email: false, inApp: true }] }, { 'preferences.0.email': 'This security notice is always sent; it cannot be switched off.' }],
      [{ preferences: [{ event: 'usage.threshold_reached', email: true, inApp: true }, { event: 'account.password_changed', email: true, inApp: false }] }, { 'preferences.1.inApp': 'This security notice is always sent; it cannot be switched off.' }],
      [{ preferences: [{ event: 'made.up', email: true, inApp: true }] }, { 'preferences.0.event': 'Not an event you can be notified of.' }],
      [{ preferences: [{ event: 'organization.created', email: true, inApp: true }] }, { 'preferences.0.event': 'Not an event you can be notified of.' }],
      [{ preferences: [{ event: 'invoice.paid', email: true, inApp: true }, { event: 'invoice.paid', email: false, inApp: true }] }, { 'preferences.1.event': 'This event is listed twice.' }],
      [{ preferences: [{ event: 'invoice.paid', email: 'no', inApp: true }] }, { 'preferences.0.email': expect.any(String) }],
    ];
    for (const [body, fields] of cases) {
      const error = await refusal(executeAction(userActor(me), updateNotificationPreferences, body));
      expect(error.code, JSON.stringify(body)).toBe('validation_failed');
      expect(error.fields, JSON.stringify(body)).toEqual(fields);
    }
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.userId))).toEqual([]);
    // Sent as locked and on, it is accepted and changes nothing.
    await executeAction(userActor(me), updateNotificationPreferences, { preferences: [{ event: 'api_key.created', email: true, inApp: true }] });
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.userId))).toEqual([]);
  });
});
