import type { z } from 'zod';
import { eventDataOf } from '@config/events';
import { getDb } from '../db/client';
import { sqlStateOf } from '../db/errors';
import { rowsOfPrepared } from '../db/prepared';
import type { Db } from '../db/types';
import { unauthorized } from '../http/errors';
import { parseInput } from '../http/validation';
import type { Actor } from './actor';
import { authorize } from './authorize';
import type { ActionContext, ActionDefinition } from './define';
import { redactSecrets } from './redact';
import { auditRowOf } from './audit-entry';
import { recordOutsideChange } from './outside-change';
import { auditLog, outbox } from './schema';
import { outboxWritten } from '../jobs/nudge';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * The one way to write: authenticate, authorize against config/permissions.ts, validate, then in ONE
 * transaction run the change, append its audit row, run its `beforeCommit` steps and queue its events;
 * after the commit, its `afterCommit` steps. When the transaction fails after `prepare` changed
 * something outside, that change is recorded (and undone where it can be): see `outsideChange`.
 */
export async function executeAction<S extends z.ZodType, R, P>(
  actor: Actor | null,
  action: ActionDefinition<S, R, P>,
  rawInput: unknown,
  options: { db?: Db; headers?: Headers } = {},
): Promise<R> {
  if (!actor) throw unauthorized();
  authorize(actor, action);
  const input = parseInput(action.input, rawInput) as z.infer<S>;
  const prepared = (action.prepare ? await action.prepare({ actor, headers: options.headers ?? new Headers() }, input) : undefined) as P;
  const db = options.db ?? (await getDb());

  const { result, committedSteps } = await inTransaction(db, actor, action, input, prepared).catch(async (error: unknown) => {
    if (action.outsideChange) await recordOutsideChange(db, actor, action.name, action.outsideChange(prepared, input, actor), error);
    throw error;
  });
  for (const step of committedSteps) await step();
  return result;
}

/** One transaction of the action, tried again from the start on a serialization failure or deadlock. */
async function inTransaction<S extends z.ZodType, R, P>(db: Db, actor: Actor, action: ActionDefinition<S, R, P>, input: z.infer<S>, prepared: P) {
  for (let attempt = 1; ; attempt++) {
    try {
      const committedSteps: (() => Promise<void>)[] = [];
      const result = await db.transaction(async (tx) => {
        const events: { type: string; payload: Record<string, unknown> }[] = [];
        const lastSteps: (() => Promise<void>)[] = [];
        const context: ActionContext = {
          actor,
          tx,
          emit: (type, payload) => events.push({ type, payload: eventDataOf(type, payload) }),
          beforeCommit: (step) => lastSteps.push(step),
          afterCommit: (step) => committedSteps.push(step),
        };
        const { result, audit } = await action.run(context, input, prepared);
        const entry = auditRowOf(actor, action.name, audit);
        const organizationId = entry.organizationId ?? null;
        // Every column always given, so the statement's text never varies: prepared once per connection.
        await rowsOfPrepared(tx, tx.insert(auditLog).values(entry));
        for (const step of lastSteps) await step();
        if (events.length > 0) {
          await tx.insert(outbox).values(events.map((e) => ({ organizationId, type: e.type, payload: redactSecrets(e.payload) })));
          committedSteps.push(async () => outboxWritten());
        }
        return result;
      });
      return { result, committedSteps };
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}
