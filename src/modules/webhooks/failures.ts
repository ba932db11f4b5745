import { eq, sql } from 'drizzle-orm';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { logError } from '@/platform/logging/error-line';
import { disableFailingEndpoint } from './actions';
import { AUTO_DISABLE_AFTER_MS } from './schedule';
import { webhookEndpoint } from './schema';

/**
 * A failed attempt: the endpoint is failing since now, unless it already was; failing for 5 days
 * straight, Deflect disables it (an audited action whose event tells the support team). One of the
 * writes listed in src/platform/actions/outside-pipeline.ts.
 */
export async function recordFailure(db: Db, endpointId: string, now: Date): Promise<void> {
  const [row] = await db
    .update(webhookEndpoint)
    .set({ failingSince: sql`coalesce(${webhookEndpoint.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(eq(webhookEndpoint.id, endpointId))
    .returning({ enabled: webhookEndpoint.enabled, failingSince: webhookEndpoint.failingSince });
  if (!row?.enabled || !row.failingSince || now.getTime() - row.failingSince.getTime() < AUTO_DISABLE_AFTER_MS) return;
  await executeAction({ type: 'system', organizationId: null }, disableFailingEndpoint, { id: endpointId }, { db }).catch((error: unknown) => logError('[webhooks] disabling a failing endpoint', error));
}

/** A successful attempt: the endpoint is failing no more. */
export async function recordSuccess(db: Db, endpointId: string): Promise<void> {
  await db.update(webhookEndpoint).set({ failingSince: null }).where(eq(webhookEndpoint.id, endpointId));
}
