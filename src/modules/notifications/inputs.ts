import { z } from 'zod';
import { eventCatalog } from '@config/events';
import { isPersonalEvent } from './preferences';

/** A notification's id as the API shows it (a string of digits); a number is taken too. */
const notificationId = z
  .union([z.string().regex(/^\d{1,15}$/, 'A notification id is a string of digits.'), z.int().positive().max(Number.MAX_SAFE_INTEGER)])
  .transform((id) => Number(id));

export const notificationsQueryInput = z.object({
  unread: z.enum(['true', 'false'], { error: 'Either true or false.' }).optional().transform((v) => v === 'true'),
  before: notificationId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationsQuery = z.infer<typeof notificationsQueryInput>;

export const markReadInput = z.union(
  [z.strictObject({ ids: z.array(notificationId).min(1, 'Name at least one notification.').max(100) }), z.strictObject({ all: z.literal(true) })],
  { error: 'Send {"ids": [...]} or {"all": true}.' },
);
export type MarkReadInput = z.infer<typeof markReadInput>;

const preferenceInput = z
  .object({
    event: z.string().max(100).refine(isPersonalEvent, 'Not an event you can be notified of.'),
    email: z.boolean(),
    inApp: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (!isPersonalEvent(p.event) || !eventCatalog[p.event].locked) return;
    const sent: readonly string[] = eventCatalog[p.event].channels;
    for (const [field, channel] of [['email', 'email'], ['inApp', 'in_app']] as const) {
      if (!p[field] && sent.includes(channel)) ctx.addIssue({ code: 'custom', path: [field], message: 'This security notice is always sent; it cannot be switched off.' });
    }
  });

/** The list of GET, as it was or with some choices changed; events left out keep theirs. Each event once. */
export const preferencesInput = z.object({
  preferences: z
    .array(preferenceInput)
    .max(100)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((p, index) => {
        if (seen.has(p.event)) ctx.addIssue({ code: 'custom', path: [index, 'event'], message: 'This event is listed twice.' });
        seen.add(p.event);
      });
    }),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;
