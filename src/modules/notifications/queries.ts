import { z } from 'zod';
import type { Actor } from '@/platform/actions/actor';
import { defineQuery } from '@/platform/actions/define-query';
import { forbidden } from '@/platform/http/errors';
import { listNotifications, unreadCount, type Reader } from './inbox';
import { notificationsQueryInput } from './inputs';
import { preferencesOf } from './preferences';

/** A person's own notifications and preferences: only a signed-in member has any. */
export function readerOf(actor: Actor): Reader {
  if (actor.type !== 'user') throw forbidden();
  return { userId: actor.userId, organizationId: actor.organizationId };
}

/** `GET /api/account/notifications` and the list screen. */
export const notificationsQuery = defineQuery({
  name: 'notifications.read',
  input: notificationsQueryInput,
  run: ({ actor, db }, query) => listNotifications(db, readerOf(actor), query),
});

const firstPage = notificationsQueryInput.parse({});

/** The list screen: a page it cannot read (an odd `before`) shows the newest instead. */
export const notificationsScreenQuery = defineQuery({
  name: 'notifications.read',
  input: notificationsQueryInput.catch(firstPage),
  run: async ({ actor, db }, query) => ({ page: await listNotifications(db, readerOf(actor), query), before: query.before }),
});

/** The bell's count, on every page. */
export const unreadCountQuery = defineQuery({
  name: 'notifications.read',
  input: z.object({}).optional(),
  run: async ({ actor, db }) => ({ unreadCount: await unreadCount(db, readerOf(actor)) }),
});

/** `GET /api/account/notification-preferences` and the preferences screen. */
export const preferencesQuery = defineQuery({
  name: 'notifications.read',
  input: z.object({}).optional(),
  run: async ({ actor, db }) => {
    const reader = readerOf(actor);
    return { preferences: await preferencesOf(db, reader.userId, reader.organizationId) };
  },
});
