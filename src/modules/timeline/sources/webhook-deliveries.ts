import { webhookDeliveriesOlderThan } from '@/modules/webhooks/service';
import { deliveryOutcome } from '@/platform/jobs/history';
import type { TimelineSource } from '../source';

/** The organization's events delivered to the host product's webhook endpoints, with how each went. */
export const webhookDeliveriesSource: TimelineSource = {
  name: 'webhook-deliveries',
  kind: 'webhook',
  async list(db, subject, bound, limit) {
    const records = await webhookDeliveriesOlderThan(db, subject.id, bound, limit);
    return records.map((r) => ({
      id: `webhook-delivery:${r.id}`,
      at: r.at,
      key: r.key,
      actor: null,
      summary: `Webhook ${r.type} → ${r.url ?? 'a deleted endpoint'}: ${deliveryOutcome(r)}`,
      ref: { type: 'webhook_delivery', id: String(r.id) },
      status: r.status,
    }));
  },
};
