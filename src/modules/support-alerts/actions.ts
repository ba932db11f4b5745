import { inArray, notInArray, sql } from 'drizzle-orm';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { seal } from '@/platform/crypto/sealed';
import { AppError, type FieldErrors } from '@/platform/http/errors';
import { notificationRulesInput, type NotificationRulesInput } from './inputs';
import { listNotificationRules, type NotificationRule } from './rules';
import { supportAlertRule, supportSlackWebhook } from './schema';
import { isMasked, maskSlackUrl, slackUrlDigest } from './slack-url';

type Tx = ActionContext['tx'];
type Webhook = { id: string; masked: string; urlDigest: string };

/** The Slack webhook a full URL names: the saved row of the same URL, or a new sealed one. */
async function webhookFor(tx: Tx, url: string, known: Webhook[]): Promise<string> {
  const digest = slackUrlDigest(url);
  const existing = known.find((w) => w.urlDigest === digest);
  if (existing) return existing.id;
  const row: Webhook = { id: crypto.randomUUID(), masked: maskSlackUrl(url), urlDigest: digest };
  await tx.insert(supportSlackWebhook).values({ ...row, urlSealed: seal(url) });
  known.push(row);
  return row.id;
}

/**
 * The saved webhook a masked value stands for: preferably one this event already sends to (two URLs
 * may mask alike), else any saved one; undefined when none matches.
 */
function webhookMaskedAs(masked: string, current: string[], known: Webhook[]): string | undefined {
  const matches = known.filter((w) => w.masked === masked);
  return (matches.find((w) => current.includes(w.id)) ?? matches[0])?.id;
}

async function resolveSlack(tx: Tx, rules: NotificationRulesInput['rules'], current: Map<string, string[]>, known: Webhook[]) {
  const fields: FieldErrors = {};
  const resolved: string[][] = [];
  for (const [index, rule] of rules.entries()) {
    const ids: string[] = [];
    for (const [at, value] of rule.slack.entries()) {
      const id = isMasked(value) ? webhookMaskedAs(value, current.get(rule.event) ?? [], known) : await webhookFor(tx, value, known);
      if (id) ids.push(id);
      else fields[`rules.${index}.slack.${at}`] = 'No saved Slack URL is masked like this: paste the full URL.';
    }
    resolved.push([...new Set(ids)]);
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', 'Some fields are not valid.', fields);
  return resolved;
}

/** What the audit row keeps of rules: the masked URLs, never a full one. */
function audited(rules: NotificationRule[], events: Set<string>) {
  return Object.fromEntries(rules.filter((r) => events.has(r.event)).map((r) => [r.event, { slack: r.slack, email: r.email, console: r.console }]));
}

/**
 * A lead sets where the support team hears of events: Slack incoming webhooks (sealed, shown masked),
 * support addresses and the console's timeline, per event type. The events not listed keep their rules;
 * a Slack URL no rule names any more is forgotten.
 */
export const updateNotificationRules = defineAction({
  name: 'staff.notification_rules.update',
  input: notificationRulesInput,
  async run({ tx }, input) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('deflect.support_alert_rules'))`);
    const events = new Set(input.rules.map((r) => r.event));
    const before = await listNotificationRules(tx);
    const known: Webhook[] = await tx.select({ id: supportSlackWebhook.id, masked: supportSlackWebhook.masked, urlDigest: supportSlackWebhook.urlDigest }).from(supportSlackWebhook);
    const currentRows = events.size > 0 ? await tx.select().from(supportAlertRule).where(inArray(supportAlertRule.event, [...events])) : [];
    const current = new Map(currentRows.map((r) => [r.event, r.slackWebhookIds]));
    const slack = await resolveSlack(tx, input.rules, current, known);

    for (const [index, rule] of input.rules.entries()) {
      const values = { slackWebhookIds: slack[index]!, emails: rule.email, console: rule.console, updatedAt: new Date() };
      await tx
        .insert(supportAlertRule)
        .values({ event: rule.event, ...values })
        .onConflictDoUpdate({ target: supportAlertRule.event, set: values });
    }
    const stillNamed = (await tx.select({ ids: supportAlertRule.slackWebhookIds }).from(supportAlertRule)).flatMap((r) => r.ids);
    await tx.delete(supportSlackWebhook).where(stillNamed.length > 0 ? notInArray(supportSlackWebhook.id, stillNamed) : undefined);

    const rules = await listNotificationRules(tx);
    return {
      result: { rules },
      audit: { entityType: 'notification_rules', entityId: 'support_team', before: audited(before, events), after: audited(rules, events) },
    };
  },
});
