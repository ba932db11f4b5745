import { z } from 'zod';
import { goesToWebhooks } from './events';

/** Where deliveries go: an absolute http(s) URL (the host product's own server). */
export const endpointUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol), 'An absolute http:// or https:// URL.');

/** `["*"]` for every event, or event types of the README's table. */
export const endpointEvents = z
  .array(z.string().max(100))
  .min(1, 'List at least one event type, or "*" for all.')
  .max(100)
  .superRefine((events, ctx) => {
    events.forEach((type, index) => {
      if (type !== '*' && !goesToWebhooks(type)) ctx.addIssue({ code: 'custom', path: [index], message: `Unknown event type "${type}": see the README's event table.` });
    });
    if (events.includes('*') && events.length > 1) ctx.addIssue({ code: 'custom', message: '"*" stands alone: it already means every event.' });
  })
  .transform((events) => [...new Set(events)]);

const description = z.string().trim().max(500);
const endpointId = z.string().min(1).max(100);

export const createEndpointInput = z.strictObject({ url: endpointUrl, events: endpointEvents, description: description.optional() });

export const updateEndpointInput = z.strictObject({
  id: endpointId,
  url: endpointUrl.optional(),
  events: endpointEvents.optional(),
  description: description.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const endpointIdInput = z.strictObject({ id: endpointId });

export const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveriesQuery = z.object({
  status: z.enum(deliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const retryDeliveryInput = z.strictObject({ deliveryId: z.string().regex(/^\d{1,18}$/, 'A delivery id.').transform(Number) });
