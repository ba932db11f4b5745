import { z } from 'zod';
import { decodeCursor, type TimelineCursor } from './cursor';
import { timelineKinds, type TimelineKind } from './source';

const kindList = z
  .string()
  .max(200)
  .transform((text, ctx): TimelineKind[] | undefined => {
    const kinds = text.split(',').map((k) => k.trim()).filter(Boolean);
    const unknown = kinds.filter((k) => !(timelineKinds as readonly string[]).includes(k));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Kinds are a comma list of: ${timelineKinds.join(', ')}.` });
      return z.NEVER;
    }
    return kinds.length > 0 ? [...new Set(kinds as TimelineKind[])] : undefined;
  });

const cursor = z
  .string()
  .max(500)
  .transform((text, ctx): TimelineCursor => {
    const decoded = decodeCursor(text);
    if (!decoded) {
      ctx.addIssue({ code: 'custom', message: 'Not a cursor this timeline handed out (use nextBefore).' });
      return z.NEVER;
    }
    return decoded;
  });

export const timelineQuery = z.object({
  before: cursor.optional().describe('`nextBefore` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  kinds: kindList.optional().describe(`A comma list of: ${timelineKinds.join(', ')}. Default: every kind.`),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;
