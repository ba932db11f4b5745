import { and, eq, sql } from 'drizzle-orm';
import { eventCatalog, type EventType } from '@config/events';
import type { Db } from '@/platform/db/types';
import { notificationPreferences } from './schema';

/** The channels a customer person chooses for themselves; Slack and webhooks are the support team's and the host's. */
export const personalChannels = ['email', 'in_app'] as const;
export type PersonalChannel = (typeof personalChannels)[number];

export type Preference = { event: EventType; label: string; email: boolean; inApp: boolean; locked: boolean };

/** Events that reach customer people: the ones a person has a say about (or sees as locked). */
export const personalEvents = (Object.keys(eventCatalog) as EventType[]).filter((type) => eventCatalog[type].people.length > 0);

export function isPersonalEvent(type: string): type is EventType {
  return (personalEvents as string[]).includes(type);
}

function byDefault(type: EventType, channel: PersonalChannel): boolean {
  return (eventCatalog[type].channels as readonly string[]).includes(channel);
}

/** A locked event goes out on its default channels whatever the person chose. */
function decide(type: EventType, channel: PersonalChannel, chosen: boolean | undefined): boolean {
  if (eventCatalog[type].locked && byDefault(type, channel)) return true;
  return chosen ?? byDefault(type, channel);
}

/** One person's preferences in one organization: every personal event, the defaults filled in. */
export async function preferencesOf(db: Db, userId: string, organizationId: string): Promise<Preference[]> {
  const rows = await db
    .select({ event: notificationPreferences.event, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.organizationId, organizationId)));
  const chosen = new Map(rows.map((r) => [`${r.event} ${r.channel}`, r.enabled]));
  return personalEvents.map((type) => ({
    event: type,
    label: eventCatalog[type].label,
    email: decide(type, 'email', chosen.get(`${type} email`)),
    inApp: decide(type, 'in_app', chosen.get(`${type} in_app`)),
    locked: eventCatalog[type].locked,
  }));
}

/** Whether these people want this event on this channel: the ones who do, in the order given. */
export async function peopleWanting(tx: Db, organizationId: string, type: EventType, channel: PersonalChannel, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ userId: notificationPreferences.userId, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organizationId, organizationId), eq(notificationPreferences.event, type), eq(notificationPreferences.channel, channel)));
  const chosen = new Map(rows.map((r) => [r.userId, r.enabled]));
  return userIds.filter((id) => decide(type, channel, chosen.get(id)));
}

/** Per event, the channels whose choice changed: `{"billing.details_changed": {"email": false}}`. */
export type PreferenceChanges = Record<string, Partial<Record<'email' | 'inApp', boolean>>>;

/** The person's choices as given (events left out keep theirs); returns what changed, before and after. */
export async function choosePreferences(
  tx: Db,
  userId: string,
  organizationId: string,
  choices: readonly { event: EventType; email: boolean; inApp: boolean }[],
): Promise<{ before: PreferenceChanges; after: PreferenceChanges }> {
  const current = new Map((await preferencesOf(tx, userId, organizationId)).map((p) => [p.event, p]));
  const before: PreferenceChanges = {};
  const after: PreferenceChanges = {};
  const rows: (typeof notificationPreferences.$inferInsert)[] = [];
  for (const choice of choices) {
    const was = current.get(choice.event)!;
    for (const [field, channel] of [['email', 'email'], ['inApp', 'in_app']] as const) {
      if (was[field] === choice[field]) continue;
      (before[choice.event] ??= {})[field] = was[field];
      (after[choice.event] ??= {})[field] = choice[field];
      rows.push({ userId, organizationId, event: choice.event, channel, enabled: choice[field], updatedAt: new Date() });
    }
  }
  if (rows.length > 0) {
    await tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.organizationId, notificationPreferences.event, notificationPreferences.channel],
        set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
      });
  }
  return { before, after };
}
