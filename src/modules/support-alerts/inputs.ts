import { z } from 'zod';
import { eventTypes, isEventType } from '@config/events';
import { email } from '../account/service';
import { isMasked, slackUrl, SLACK_URL_HINT } from './slack-url';

const MAX_SLACK_URLS = 5;
const MAX_EMAILS = 20;

const unique = <T>(items: T[]) => [...new Set(items)];

/** A new URL in full, or the masked form of a saved one (which keeps it). */
const slackEntry = z.string().trim().max(2000).refine((value) => isMasked(value) || slackUrl.safeParse(value).success, SLACK_URL_HINT);

const rule = z.strictObject({
  event: z.string().refine(isEventType, 'Unknown event type: see the event catalog.'),
  slack: z.array(slackEntry).max(MAX_SLACK_URLS, `At most ${MAX_SLACK_URLS} Slack URLs per event.`).default([]).transform(unique),
  email: z.array(email).max(MAX_EMAILS, `At most ${MAX_EMAILS} addresses per event.`).default([]).transform(unique),
  console: z.boolean('Must be true or false.'),
});

/** The body of PUT /api/admin/notification-rules: the rules of the events it lists; the others stay as they are. */
export const notificationRulesInput = z.strictObject({
  rules: z
    .array(rule)
    .max(eventTypes.length)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((r, index) => {
        if (seen.has(r.event)) ctx.addIssue({ code: 'custom', path: [index, 'event'], message: 'This event is listed twice.' });
        seen.add(r.event);
      });
    }),
});

export type NotificationRulesInput = z.infer<typeof notificationRulesInput>;
