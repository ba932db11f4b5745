import { AppError } from '../http/errors';
import { sqlStateOf } from '../db/errors';
import type { Db } from '../db/types';
import { logError } from '../logging/error-line';
import type { Actor } from './actor';
import { auditRowOf } from './audit-entry';
import type { OutsideChange } from './define';
import { auditLog } from './schema';

/** Why the local write failed, as a code: never the message, which may quote the values written. */
function failureCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  const state = sqlStateOf(error);
  return state ? `sqlstate_${state}` : 'unexpected';
}

/**
 * The action's transaction failed after its `prepare` changed something outside (Stripe, Better
 * Auth): undo it where the action can, then audit what happened in a write of its own, so no outside
 * change is left without its audit row. One of the writes listed in
 * src/platform/actions/outside-pipeline.ts. A failure here is logged; the caller gets the original error.
 */
export async function recordOutsideChange(db: Db, actor: Actor, action: string, change: OutsideChange | null, error: unknown): Promise<void> {
  if (!change) return;
  let compensation: 'none' | 'done' | 'failed' = 'none';
  if (change.compensate) {
    try {
      await change.compensate();
      compensation = 'done';
    } catch (compensationError) {
      compensation = 'failed';
      logError(`[actions] undoing the outside change of ${action}`, compensationError);
    }
  }
  const after = { ...change.after, localWrite: 'failed', reason: failureCode(error), compensation };
  try {
    await db.insert(auditLog).values(auditRowOf(actor, action, { entityType: change.entityType, entityId: change.entityId, organizationId: change.organizationId, after }));
  } catch (auditError) {
    logError(`[actions] recording the outside change of ${action} (${JSON.stringify({ entityType: change.entityType, entityId: change.entityId, compensation })})`, auditError);
  }
}
