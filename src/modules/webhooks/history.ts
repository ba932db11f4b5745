import { inArray } from 'drizzle-orm';
import type { Keyset } from '@/platform/db/keyset';
import type { Db } from '@/platform/db/types';
import { deliveriesOlderThan, type DeliveryRecord } from '@/platform/jobs/history';
import { WEBHOOK_CHANNEL } from './channel-name';
import { displayUrl } from './display-url';
import { webhookEndpoint } from './schema';

/** A webhook delivery with where it went: the endpoint's URL without credentials or query, or null once deleted. */
export type WebhookDeliveryRecord = DeliveryRecord & { url: string | null };

/** The organization's webhook deliveries after `bound`, newest first (the customer timeline). */
export async function webhookDeliveriesOlderThan(db: Db, organizationId: string, bound: Keyset | undefined, limit: number): Promise<WebhookDeliveryRecord[]> {
  const records = await deliveriesOlderThan(db, organizationId, { channel: WEBHOOK_CHANNEL }, bound, limit);
  const ids = [...new Set(records.map((r) => r.target))];
  const endpoints = ids.length > 0 ? await db.select({ id: webhookEndpoint.id, url: webhookEndpoint.url }).from(webhookEndpoint).where(inArray(webhookEndpoint.id, ids)) : [];
  const urls = new Map(endpoints.map((e) => [e.id, displayUrl(e.url)]));
  return records.map((r) => ({ ...r, url: urls.get(r.target) ?? null }));
}
