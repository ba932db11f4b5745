import { isEventType } from '@config/events';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { registerChannel, type Channel, type DeliveryEvent } from '@/platform/jobs/channels';
import { messageOf } from './messages';
import { peopleWanting } from './preferences';
import { peopleConcerned } from './recipients';
import { notifications } from './schema';

export const IN_APP = 'in_app';
const TARGET = 'user:';

/** The people concerned who want this event in the portal, as `user:<id>`. */
async function targets(event: DeliveryEvent, tx: Db): Promise<string[]> {
  if (!event.organizationId || !isEventType(event.type)) return [];
  const people = await peopleConcerned(event, tx);
  const wanting = await peopleWanting(tx, event.organizationId, event.type, 'in_app', people.map((p) => p.userId));
  return wanting.map((userId) => `${TARGET}${userId}`);
}

/**
 * Writes the person's notification; a second delivery of the same event to them (a retry after a
 * crash) finds it there and adds nothing. One of the writes of src/platform/actions/outside-pipeline.ts.
 */
async function deliver(event: DeliveryEvent, target: string): Promise<{ response: string }> {
  if (!target.startsWith(TARGET) || !event.organizationId) throw new Error(`not an in-app target: ${target}`);
  const message = messageOf(event.type, event.payload);
  if (!message) throw new Error(`${event.type} has no in-app notification`);
  const userId = target.slice(TARGET.length);
  const db = await getDb();
  const written = await db
    .insert(notifications)
    .values({ organizationId: event.organizationId, userId, eventId: event.id, type: event.type, ...message, createdAt: event.createdAt })
    .onConflictDoNothing({ target: [notifications.eventId, notifications.userId] })
    .returning({ id: notifications.id });
  return { response: written.length ? 'notified' : 'already notified' };
}

/** A local write: retried soon, given up within minutes (a person may retry the delivery). */
export const inAppChannel: Channel = { targets, deliver, retrySchedule: [1, 5, 30, 120, 600] };

export function registerInAppChannel(): void {
  registerChannel(IN_APP, inAppChannel);
}
