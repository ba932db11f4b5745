import { eq } from 'drizzle-orm';
import { eventCatalog, eventTypes, type EventType } from '@config/events';
import type { Db } from '@/platform/db/types';
import { supportAlertRule, supportSlackWebhook } from './schema';

/** One event's rule as the console and the API show it: Slack URLs masked, never in full. */
export type NotificationRule = {
  event: EventType;
  label: string;
  slack: string[];
  email: string[];
  console: boolean;
  /** The catalog marks it as one the support team cares about: on by default. */
  supportTeam: boolean;
  /** False while the event has the default rule (nothing saved for it yet). */
  saved: boolean;
};

/**
 * The default rule of an event nobody saved one for: the catalog's support-team events show on the
 * console's timeline, and nothing goes to Slack or email, as no URL or address is known yet. The
 * settings screen starts such events switched on, so that the first URL and address saved there
 * get exactly them.
 */
export function defaultRule(event: EventType): NotificationRule {
  const { label, supportTeam } = eventCatalog[event];
  return { event, label, slack: [], email: [], console: supportTeam, supportTeam, saved: false };
}

/** Every event of the catalog with its rule, the support team's events first. */
export async function listNotificationRules(db: Db): Promise<NotificationRule[]> {
  const [rows, webhooks] = await Promise.all([db.select().from(supportAlertRule), db.select({ id: supportSlackWebhook.id, masked: supportSlackWebhook.masked }).from(supportSlackWebhook)]);
  const masked = new Map(webhooks.map((w) => [w.id, w.masked]));
  const saved = new Map(rows.map((r) => [r.event, r]));
  const rules = eventTypes.map((event): NotificationRule => {
    const row = saved.get(event);
    if (!row) return defaultRule(event);
    const slack = row.slackWebhookIds.flatMap((id) => masked.get(id) ?? []);
    return { ...defaultRule(event), slack, email: row.emails, console: row.console, saved: true };
  });
  return rules.toSorted((a, b) => Number(b.supportTeam) - Number(a.supportTeam));
}

/** The saved rule of one event type, read through the relay's transaction; none for an unknown type. */
export async function savedRuleOf(tx: Db, event: string) {
  const [row] = await tx.select().from(supportAlertRule).where(eq(supportAlertRule.event, event));
  return row;
}
