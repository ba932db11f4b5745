import type { z } from 'zod';
import { can, isPermission, isStaffPermission, staffCan } from '@config/permissions';
import { getDb } from '../db/client';
import { sqlStateOf } from '../db/errors';
import { rowsOfPrepared } from '../db/prepared';
import type { Db } from '../db/types';
import { forbidden, unauthorized } from '../http/errors';
import { parseInput } from '../http/validation';
import type { Actor } from './actor';
import type { ActionContext, ActionDefinition } from './define';
import { redactSecrets } from './redact';
import { auditLog, outbox } from './schema';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 4;

function authorize(actor: Actor, action: { name: string; openToSignedInPeople?: boolean; apiKeyScope?: string }): void {
  if (actor.type === 'host' || actor.type === 'system') return; // they act for every organization
  if (actor.type === 'api_key') {
    if (action.apiKeyScope === undefined || !actor.scopes.includes(action.apiKeyScope)) throw forbidden('This API key lacks the scope this needs.');
    return;
  }
  if (actor.type === 'staff') {
    // Only the console's own actions, each as far as the staff role allows: never a customer's.
    if (!isStaffPermission(action.name) || !staffCan(actor.role, action.name)) throw forbidden();
    return;
  }
  if (action.openToSignedInPeople) return;
  if (actor.type === 'person' || !isPermission(action.name) || !can(actor.role, action.name)) throw forbidden();
}

function isRetryable(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * The one way to write: authenticate, authorize against config/permissions.ts, validate, then in ONE
 * transaction run the change, append its audit row, run its `beforeCommit` steps and queue its events.
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

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const events: { type: string; payload: Record<string, unknown> }[] = [];
        const lastSteps: (() => Promise<void>)[] = [];
        const context: ActionContext = { actor, tx, emit: (type, payload) => events.push({ type, payload }), beforeCommit: (step) => lastSteps.push(step) };
        const { result, audit } = await action.run(context, input, prepared);
        const organizationId = audit.organizationId ?? actor.organizationId;
        const entry = {
          organizationId,
          actorType: actor.type === 'person' ? ('user' as const) : actor.type,
          actorId: 'userId' in actor ? actor.userId : 'staffId' in actor ? actor.staffId : 'keyId' in actor ? actor.keyId : null,
          actorEmail: 'email' in actor ? actor.email : null,
          actorName: actor.type === 'staff' ? actor.name : null,
          action: action.name,
          entityType: audit.entityType,
          entityId: audit.entityId,
          before: redactSecrets(audit.before ?? null),
          after: redactSecrets(audit.after ?? null),
          ip: actor.ip ?? null,
          userAgent: actor.userAgent ?? null,
        };
        // Every column always given, so the statement's text never varies: prepared once per connection.
        await rowsOfPrepared(tx, tx.insert(auditLog).values(entry));
        for (const step of lastSteps) await step();
        if (events.length > 0) {
          await tx.insert(outbox).values(events.map((e) => ({ organizationId, type: e.type, payload: redactSecrets(e.payload) })));
        }
        return result;
      });
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}
