import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { getDb } from '@/platform/db/client';
import { AppError, type FieldErrors } from '@/platform/http/errors';
import { email } from '../account/service';
import { updateNotificationRules } from './actions';
import { listNotificationRules, type NotificationRule } from './rules';
import { settingsFields, toggleName, type ToggleChannel } from './settings-fields';
import { slackUrl } from './slack-url';

// The console's settings screen: one set of destinations (the team's Slack URLs, its support
// addresses) and, per event, whether each goes there. Saved as the per-event rules of the API.

export type NotificationSettings = {
  /** The saved Slack URLs, masked. */
  slack: string[];
  emails: string[];
  rules: (NotificationRule & { slackOn: boolean; emailOn: boolean })[];
};

const distinct = (lists: string[][]) => [...new Set(lists.flat())];

/**
 * What the screen shows. Until a Slack URL (or an address) is saved, its column starts with the support
 * team's events switched on: the first URL saved gets exactly those.
 */
export async function notificationSettings(): Promise<NotificationSettings> {
  const rules = await listNotificationRules(await getDb());
  const slack = distinct(rules.map((r) => r.slack));
  const emails = distinct(rules.map((r) => r.email));
  return {
    slack,
    emails,
    rules: rules.map((r) => ({ ...r, slackOn: slack.length > 0 ? r.slack.length > 0 : r.supportTeam, emailOn: emails.length > 0 ? r.email.length > 0 : r.supportTeam })),
  };
}

function fail(fields: FieldErrors): never {
  throw new AppError('validation_failed', 'Some fields are not valid.', fields);
}

function destinationsOf(form: FormData): { slack: string[]; emails: string[] } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const fields: FieldErrors = {};
  const newUrl = text(settingsFields.slackUrl);
  if (newUrl && !slackUrl.safeParse(newUrl).success) fields.slackUrl = 'Must be an https:// URL, such as https://hooks.slack.com/services/…';
  const emails = text(settingsFields.emails).split(/[\s,;]+/).filter(Boolean);
  const invalid = emails.filter((e) => !email.safeParse(e).success);
  if (invalid.length > 0) fields.emails = `Not an email address: ${invalid.join(', ')}`;
  if (Object.keys(fields).length > 0) fail(fields);
  const kept = form.get(settingsFields.removeSlack) ? [] : form.getAll(settingsFields.keepSlack).map(String);
  return { slack: newUrl ? [newUrl] : kept, emails };
}

/** The action's field names (`rules.3.slack.0`) as the screen's fields. */
function screenFields(fields: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const name = /^rules\.\d+\.slack/.test(key) ? settingsFields.slackUrl : /^rules\.\d+\.email/.test(key) ? settingsFields.emails : '_';
    out[name] ??= message;
  }
  return out;
}

/** Saves the screen's form through the action pipeline, as the staff member. */
export async function saveNotificationSettings(actor: Actor | null, form: FormData, headers: Headers): Promise<void> {
  const { slack, emails } = destinationsOf(form);
  const events = (await listNotificationRules(await getDb())).map((r) => r.event);
  const on = (channel: ToggleChannel, event: string) => form.get(toggleName(channel, event)) !== null;
  const rules = events.map((event) => ({ event, slack: on('slack', event) ? slack : [], email: on('email', event) ? emails : [], console: on('console', event) }));
  try {
    await executeAction(actor, updateNotificationRules, { rules }, { headers });
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') fail(screenFields(error.fields));
    throw error;
  }
}

