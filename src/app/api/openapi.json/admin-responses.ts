import { z } from 'zod';
import { MATCH_FIELDS } from '@/modules/customers/service';
import { timelineKinds } from '@/modules/timeline/service';
import { auditData } from './responses';

// The data of the staff console's answers (API.md, "Staff console"); more fields may come, none go.

const time = z.iso.datetime();
const nextBefore = z.string().nullable().describe('Pass as `before` for the next page; null on the last.');

export const customerSearchData = z.object({
  organizations: z
    .array(
      z.object({
        id: z.string(),
        externalId: z.string().nullable(),
        name: z.string(),
        plan: z.string(),
        members: z.int(),
        openTickets: z.int(),
        stripeCustomerId: z.string().nullable(),
        match: z.object({ field: z.enum(MATCH_FIELDS), value: z.string() }).describe('What the query matched.'),
      }),
    )
    .describe('Exact matches first, then those starting with the query, then those holding it; by name within each. At most 20.'),
});

export const timelineData = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      at: time,
      kind: z.enum(timelineKinds),
      actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }).nullable(),
      summary: z.string(),
      ref: z.object({ type: z.string(), id: z.string() }).describe('The record behind the entry: an audit entry, a Stripe event, a usage alert …'),
      status: z.string().nullable().describe('A Stripe event’s processing state: processing, processed, ignored or failed.'),
    }),
  ),
  nextBefore,
});

export const staffAuditData = z.object({
  entries: z.array(auditData.shape.entries.element.extend({ organization: z.object({ id: z.string(), name: z.string().nullable() }).nullable() })),
  nextBefore,
});
