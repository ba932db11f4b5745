import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import type { MarkReadInput, NotificationsQuery } from './inputs';
import { notifications } from './schema';

/** Whose notifications: one person in one organization (the one they are signed in to). */
export type Reader = { userId: string; organizationId: string };

export type NotificationView = { id: string; type: string; title: string; body: string; link: string; readAt: string | null; createdAt: string };
export type NotificationsPage = { notifications: NotificationView[]; unreadCount: number; nextBefore: string | null };

function ofReader(reader: Reader) {
  return and(eq(notifications.userId, reader.userId), eq(notifications.organizationId, reader.organizationId));
}

export async function unreadCount(db: Db, reader: Reader): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(ofReader(reader), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The reader's notifications, newest first, a page at a time (`nextBefore` is the next page's cursor). */
export async function listNotifications(db: Db, reader: Reader, query: NotificationsQuery): Promise<NotificationsPage> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(ofReader(reader), query.unread ? isNull(notifications.readAt) : undefined, query.before ? lt(notifications.id, query.before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    notifications: page.map((n) => ({ id: String(n.id), type: n.type, title: n.title, body: n.body, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
    unreadCount: await unreadCount(db, reader),
    nextBefore: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}

/** Marks the reader's own unread notifications read (ids of anyone else's match nothing); returns the ids marked. */
export async function markRead(tx: Db, reader: Reader, input: MarkReadInput): Promise<string[]> {
  const marked = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(ofReader(reader), isNull(notifications.readAt), 'ids' in input ? inArray(notifications.id, input.ids) : undefined))
    .returning({ id: notifications.id });
  return marked.map((n) => String(n.id)).sort((a, b) => Number(a) - Number(b));
}
