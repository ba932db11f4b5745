import { z } from 'zod';
import { PAGE_MAX, portalPage } from './page-path';

export const feedbackKinds = ['bug', 'idea', 'question'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const MESSAGE_MAX = 5000;

const kind = z.enum(feedbackKinds, { error: 'Choose bug, idea or question.' });

export const feedbackInput = z.object({
  kind,
  message: z
    .string({ error: 'Write a message.' })
    .trim()
    .min(1, 'Write a message.')
    .max(MESSAGE_MAX, `Keep it under ${MESSAGE_MAX.toLocaleString('en-US')} characters.`),
  page: z
    .string({ error: 'Name the portal page it is about.' })
    .max(PAGE_MAX, 'Not a page of the portal.')
    .transform((value, ctx) => portalPage(value) ?? (ctx.addIssue({ code: 'custom', message: 'Not a page of the portal.' }), z.NEVER)),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const staffFeedbackQuery = z.object({
  kind: z.preprocess((v) => (v === '' ? undefined : v), kind.optional()),
  limit: z.coerce.number({ error: 'A number from 1 to 200.' }).int().min(1).max(200).default(50),
});
export type StaffFeedbackQuery = z.infer<typeof staffFeedbackQuery>;
