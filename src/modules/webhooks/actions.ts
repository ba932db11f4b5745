import { and, eq } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import { seal } from '@/platform/crypto/sealed';
import { notFound } from '@/platform/http/errors';
import { retryDelivery } from '@/platform/jobs/deliver';
import { startProcessJobs } from '@/platform/jobs/process';
import { deliveries } from '@/platform/jobs/schema';
import { WEBHOOK_CHANNEL } from './channel-name';
import { displayUrl } from './display-url';
import { createEndpointInput, endpointIdInput, retryDeliveryInput, updateEndpointInput } from './inputs';
import { webhookEndpoint } from './schema';
import { newSigningSecret } from './signing-secret';
import { endpointView, type EndpointView } from './view';

/** What an audit row keeps of an endpoint: no secret, and the URL without credentials or query. */
const audited = (view: EndpointView) => ({ ...view, url: displayUrl(view.url) });

/** `POST /api/v1/webhook-endpoints`: the only answer that holds the signing secret. */
export const createWebhookEndpoint = defineAction({
  name: 'host.create_webhook_endpoint',
  input: createEndpointInput,
  async run({ tx }, input) {
    const secret = newSigningSecret();
    const [row] = await tx
      .insert(webhookEndpoint)
      .values({ id: crypto.randomUUID(), url: input.url, events: input.events, description: input.description ?? null, secretSealed: seal(secret) })
      .returning();
    const view = endpointView(row!);
    return { result: { endpoint: { ...view, secret } }, audit: { entityType: 'webhook_endpoint', entityId: view.id, after: audited(view) } };
  },
});

/** `PATCH /api/v1/webhook-endpoints/{id}`: enabling it again starts its failure count afresh. */
export const updateWebhookEndpoint = defineAction({
  name: 'host.update_webhook_endpoint',
  input: updateEndpointInput,
  async run({ tx }, { id, ...changes }) {
    const [before] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)).for('update');
    if (!before) throw notFound('Webhook endpoint');
    const reenabled = changes.enabled === true && !before.enabled;
    const [after] = await tx
      .update(webhookEndpoint)
      .set({ ...changes, ...(reenabled ? { failingSince: null, disabledAt: null } : {}), updatedAt: new Date() })
      .where(eq(webhookEndpoint.id, id))
      .returning();
    const view = endpointView(after!);
    return { result: { endpoint: view }, audit: { entityType: 'webhook_endpoint', entityId: id, before: audited(endpointView(before)), after: audited(view) } };
  },
});

/** `DELETE /api/v1/webhook-endpoints/{id}`: its past deliveries stay on record. */
export const deleteWebhookEndpoint = defineAction({
  name: 'host.delete_webhook_endpoint',
  input: endpointIdInput,
  async run({ tx }, { id }) {
    const [row] = await tx.delete(webhookEndpoint).where(eq(webhookEndpoint.id, id)).returning();
    if (!row) throw notFound('Webhook endpoint');
    const view = endpointView(row);
    return { result: { endpoint: view }, audit: { entityType: 'webhook_endpoint', entityId: id, before: audited(view) } };
  },
});

/** `POST /api/v1/webhook-deliveries/{id}/retry`: attempted again now, delivered or failed alike. */
export const retryWebhookDelivery = defineAction({
  name: 'host.retry_webhook_delivery',
  input: retryDeliveryInput,
  async prepare() {
    return (await startProcessJobs()).boss;
  },
  async run({ tx }, { deliveryId }, boss) {
    const [row] = await tx
      .select({ id: deliveries.id, eventId: deliveries.eventId, target: deliveries.target, status: deliveries.status, attempts: deliveries.attempts })
      .from(deliveries)
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.channel, WEBHOOK_CHANNEL)));
    if (!row) throw notFound('Webhook delivery');
    await retryDelivery(tx, boss, row.id);
    return {
      result: { delivery: { id: String(row.id), status: 'pending' as const } },
      audit: { entityType: 'webhook_delivery', entityId: String(row.id), before: { status: row.status, attempts: row.attempts }, after: { status: 'pending', endpointId: row.target, eventId: String(row.eventId) } },
    };
  },
});

/**
 * Deflect disables an endpoint that has failed for 5 days straight, and tells the support team. Does
 * nothing to an endpoint already disabled or since recovered (`failingSince` no longer the one seen).
 */
export const disableFailingEndpoint = defineAction({
  name: 'system.disable_webhook_endpoint',
  input: endpointIdInput,
  async run({ tx, emit }, { id }) {
    const [before] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)).for('update');
    if (!before) throw notFound('Webhook endpoint');
    if (!before.enabled || !before.failingSince) return { result: { disabled: false }, audit: { entityType: 'webhook_endpoint', entityId: id, before: audited(endpointView(before)), after: audited(endpointView(before)) } };
    const now = new Date();
    const [after] = await tx.update(webhookEndpoint).set({ enabled: false, disabledAt: now, updatedAt: now }).where(eq(webhookEndpoint.id, id)).returning();
    emit('webhook_endpoint.disabled', { endpointId: id, url: displayUrl(before.url), failingSince: before.failingSince.toISOString() });
    return { result: { disabled: true }, audit: { entityType: 'webhook_endpoint', entityId: id, before: audited(endpointView(before)), after: audited(endpointView(after!)) } };
  },
});
