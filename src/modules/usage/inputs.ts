import { z } from 'zod';

export const MAX_EVENTS_PER_BATCH = 1000;
export const INGEST_BODY_LIMIT = 1024 * 1024;

const id = z.string().trim().min(1).max(200);

/** The shape of each event; what the values mean (meter, organization, time window) is checked per event. */
export const usageEventInput = z.object({
  organizationId: id.optional(),
  organizationExternalId: id.optional(),
  meter: z.string().trim().min(1).max(100),
  value: z.number({ error: 'Must be a number.' }).refine(Number.isFinite, 'Must be a finite number.').refine((v) => Math.abs(v) < 1e15, 'Must be below 10^15.'),
  timestamp: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time.' }),
  idempotencyKey: id,
});

export const ingestInput = z.object({
  events: z
    .array(usageEventInput)
    .min(1, 'Send at least one event.')
    .max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events per request.`),
});

export type UsageEventInput = z.infer<typeof usageEventInput>;

export const ranges = ['30d', '12m'] as const;
export type Range = (typeof ranges)[number];
export const rangeInput = z.object({
  range: z.enum(ranges, { error: `Use one of: ${ranges.join(', ')}.` }).default('30d'),
});
