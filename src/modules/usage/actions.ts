import { defineAction } from '@/platform/actions/define';
import { ingestInput } from './inputs';
import { rollUpTotals, storeEvents } from './rollup';
import { screenEvents, type Rejection } from './screen';
import { emitRecordedAlerts } from './thresholds';

export type IngestResult = { accepted: number; duplicates: number; rejected: Rejection[] };

/**
 * A batch of usage events from the host product (server secret) or an organization's API key
 * (usage:write, its own organization only). Exactly once per idempotency key, forever; bad events
 * are reported back one by one and the good ones kept. One audit row per batch, with counts. The
 * rollups come last, before commit (see `beforeCommit`): every batch of many organizations updates
 * nearly the same rollup rows, and the next batch waits for them.
 */
export const ingestUsage = defineAction({
  name: 'host.ingest_usage',
  apiKeyScope: 'usage:write',
  input: ingestInput,
  async run(ctx, input) {
    const { valid, rejected, plans } = await screenEvents(ctx.tx, input.events, ctx.actor, new Date());
    const { inserted, totals } = await storeEvents(ctx.tx, valid);
    ctx.beforeCommit(async () => emitRecordedAlerts(ctx, await rollUpTotals(ctx.tx, totals, { plans })));
    const result: IngestResult = { accepted: inserted, duplicates: valid.length - inserted, rejected };
    const organizations = [...plans.keys()];
    return {
      result,
      audit: {
        ...(organizations.length === 1 ? { organizationId: organizations[0] } : {}),
        entityType: 'usage_batch',
        entityId: crypto.randomUUID(),
        after: { events: input.events.length, accepted: result.accepted, duplicates: result.duplicates, rejected: rejected.length, organizations: organizations.length },
      },
    };
  },
});
