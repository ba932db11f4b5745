import { z } from 'zod';
import { supportCategoryIds } from '@config/support-categories';
import { inboxSources } from './adapters';

/** The upload's query: which help desk wrote the export (`auto`: told by its header) and the run's name. */
export const uploadQuery = z.object({
  source: z.enum([...inboxSources, 'auto']).default('auto'),
  label: z.string().trim().max(120, 'At most 120 characters.').optional(),
});

export const createAuditInput = z.object({
  label: z.string().trim().min(1).max(120),
  source: z.enum([...inboxSources, 'auto']),
  bytesTotal: z.number().int().min(0),
});

export const correctionInput = z.object({
  id: z.string().min(1).max(200),
  ticketId: z.string().min(1).max(200),
  category: z.enum(supportCategoryIds as [string, ...string[]], { error: 'Not a category of the support taxonomy.' }),
});

export const ticketsQuery = z.object({
  category: z.enum(supportCategoryIds as [string, ...string[]]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
