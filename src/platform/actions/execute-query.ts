import type { z } from 'zod';
import { getDb } from '../db/client';
import type { Db } from '../db/types';
import { forbidden, unauthorized } from '../http/errors';
import { parseInput } from '../http/validation';
import type { Actor } from './actor';
import { authorize } from './authorize';
import type { QueryDefinition } from './define-query';

/**
 * The one way to read an organization's data: authenticate, authorize through the same `authorize` as
 * every write, validate, then run the read scoped to the actor's organization (a staff member's is the
 * customer they opened; an actor without one reads nothing).
 */
export async function executeQuery<S extends z.ZodType, R>(actor: Actor | null, query: QueryDefinition<S, R>, rawInput: unknown, options: { db?: Db } = {}): Promise<R> {
  if (!actor) throw unauthorized();
  authorize(actor, query);
  if (!actor.organizationId) throw forbidden();
  const input = parseInput(query.input, rawInput) as z.infer<S>;
  return query.run({ actor, db: options.db ?? (await getDb()), organizationId: actor.organizationId }, input);
}
