import { z } from 'zod';
import { isSupportCategory } from '@config/support-categories';

const attemptId = z.string().trim().min(1).max(100);
const category = z.string().max(50).refine(isSupportCategory, 'Not a support category.');

export const suggestionsInput = z.object({
  q: z.string().max(10_000, 'At most 10,000 characters.').default(''),
  category: z.union([z.literal('').transform(() => undefined), category]).optional(),
  attemptId: attemptId.optional(),
});

export const attemptRef = z.object({ attemptId });

export const resolvedInput = z.strictObject({
  attemptId,
  via: z.enum(['screen', 'article'], { error: 'Either screen or article.' }),
  target: z.string().trim().min(1, 'Name the screen’s path or the article’s id.').max(500),
});

export const attemptFeedbackInput = z.strictObject({
  attemptId,
  solved: z.boolean({ error: 'Either true or false.' }),
});
