import { and, desc, eq, type SQL } from 'drizzle-orm';
import { outbox } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { deliveries } from '@/platform/jobs/schema';
import { WEBHOOK_CHANNEL } from './channel-name';
import type { DeliveryStatus } from './inputs';
import { webhookEndpoint } from './schema';
import { endpointView } from './view';

/** `GET /api/v1/webhook-endpoints`: oldest first, never a secret. */
export async function listWebhookEndpoints(db: Db) {
  const rows = await db.select().from(webhookEndpoint).orderBy(webhookEndpoint.createdAt, webhookEndpoint.id);
  return { endpoints: rows.map(endpointView) };
}

/** The API's words for a delivery row's status. */
const statusOf = { pending: 'pending', delivered: 'succeeded', failed: 'failed' } as const satisfies Record<string, DeliveryStatus>;
const rowStatusOf = { pending: 'pending', succeeded: 'delivered', failed: 'failed' } as const satisfies Record<DeliveryStatus, string>;

/** `GET /api/v1/webhook-endpoints/{id}/deliveries`: newest first. */
export async function endpointDeliveries(db: Db, endpointId: string, query: { status?: DeliveryStatus; limit: number }) {
  const [endpoint] = await db.select({ id: webhookEndpoint.id }).from(webhookEndpoint).where(eq(webhookEndpoint.id, endpointId));
  if (!endpoint) throw notFound('Webhook endpoint');
  const filters: SQL[] = [eq(deliveries.channel, WEBHOOK_CHANNEL), eq(deliveries.target, endpointId)];
  if (query.status) filters.push(eq(deliveries.status, rowStatusOf[query.status]));
  const rows = await db
    .select({ delivery: deliveries, type: outbox.type })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(and(...filters))
    .orderBy(desc(deliveries.id))
    .limit(query.limit);
  return {
    deliveries: rows.map(({ delivery, type }) => ({
      id: String(delivery.id),
      eventId: String(delivery.eventId),
      type,
      status: statusOf[delivery.status as keyof typeof statusOf] ?? 'pending',
      attempts: delivery.attempts,
      lastResponseStatus: delivery.lastResponseStatus,
      lastResponse: delivery.lastResponse,
      nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      createdAt: delivery.createdAt.toISOString(),
    })),
  };
}
