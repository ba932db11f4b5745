import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { unseal } from '@/platform/crypto/sealed';
import { DeliveryFailure, type Channel, type DeliveryEvent } from '@/platform/jobs/channels';
import { organization } from '@/platform/tenancy/schema';
import { goesToWebhooks, subscribes } from './events';
import { recordFailure, recordSuccess } from './failures';
import { DELIVERY_TIMEOUT_MS, WEBHOOK_RETRY_SCHEDULE } from './schedule';
import { webhookEndpoint } from './schema';
import { sendSigned } from './send';

export type WebhookChannelOptions = {
  retrySchedule?: readonly number[];
  /** The clock of failures (tests move it forward instead of waiting 5 days); signatures use the real time. */
  now?: () => Date;
  timeoutMs?: number;
};

type Subscription = { id: string; events: string[] };

/**
 * The enabled endpoints, read once per relay transaction: the relay asks for the targets of each event
 * of its batch, in the same transaction.
 */
const subscriptionsOfBatch = new WeakMap<Db, Promise<Subscription[]>>();

function subscriptionsIn(tx: Db): Promise<Subscription[]> {
  let subscriptions = subscriptionsOfBatch.get(tx);
  if (!subscriptions) {
    // Drizzle runs a query each time it is awaited: a real promise, so that it runs once.
    subscriptions = (async () => tx.select({ id: webhookEndpoint.id, events: webhookEndpoint.events }).from(webhookEndpoint).where(eq(webhookEndpoint.enabled, true)))();
    subscriptionsOfBatch.set(tx, subscriptions);
  }
  return subscriptions;
}

/** The body every endpoint gets: the event with its organization's ids (API.md, "Outbound webhooks"). */
function bodyOf(event: DeliveryEvent, externalId: string | null): string {
  return JSON.stringify({
    id: String(event.id),
    type: event.type,
    createdAt: new Date(event.createdAt).toISOString(),
    organization: event.organizationId ? { id: event.organizationId, externalId } : null,
    data: event.payload,
  });
}

/** A signer per sealed secret: unsealed once, not on every delivery. */
const signers = new Map<string, Webhook>();
function signerFor(secretSealed: string): Webhook {
  let signer = signers.get(secretSealed);
  if (!signer) {
    if (signers.size >= 1000) signers.clear();
    signer = new Webhook(unseal(secretSealed));
    signers.set(secretSealed, signer);
  }
  return signer;
}

/** The `webhook` channel: each event, signed, to every enabled endpoint subscribed to its type. */
export function webhookChannel(options: WebhookChannelOptions = {}): Channel {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return {
    retrySchedule: options.retrySchedule ?? WEBHOOK_RETRY_SCHEDULE,
    async targets(event, tx) {
      if (!goesToWebhooks(event.type)) return [];
      return (await subscriptionsIn(tx)).filter((s) => subscribes(s.events, event.type)).map((s) => s.id);
    },
    async deliver(event, target) {
      const db = await getDb();
      const [endpoint] = await db
        .select({
          url: webhookEndpoint.url,
          secretSealed: webhookEndpoint.secretSealed,
          enabled: webhookEndpoint.enabled,
          failingSince: webhookEndpoint.failingSince,
          // In the same round trip: the organization's id in the host product, for the body.
          externalId: sql<string | null>`(select ${organization.externalId} from ${organization} where ${organization.id} = ${event.organizationId})`,
        })
        .from(webhookEndpoint)
        .where(eq(webhookEndpoint.id, target));
      if (!endpoint) throw new DeliveryFailure('The endpoint was deleted.', undefined, true);
      if (!endpoint.enabled) throw new DeliveryFailure('The endpoint is disabled.');
      try {
        const status = await sendSigned(endpoint.url, signerFor(endpoint.secretSealed), String(event.id), bodyOf(event, endpoint.externalId), timeoutMs);
        if (endpoint.failingSince) await recordSuccess(db, target);
        return { response: `HTTP ${status}`, status };
      } catch (error) {
        await recordFailure(db, target, now());
        throw error;
      }
    },
  };
}
