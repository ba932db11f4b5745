import type { z } from 'zod';
import type { Permission } from '@config/permissions';
import type { Db } from '../db/types';
import type { Actor } from './actor';

/** What a read runs with: who asks, a database handle, and the one organization it may read. */
export type QueryContext = { actor: Actor; db: Db; organizationId: string };

export type QueryDefinition<S extends z.ZodType, R> = {
  /** The permission key of config/permissions.ts that guards this read, as a write's name guards it. */
  name: Permission;
  input: S;
  /** An API key holding this scope may run it, for its own organization only. */
  apiKeyScope?: string;
  run(ctx: QueryContext, input: z.infer<S>): Promise<R>;
};

/** The read counterpart of `defineAction`: a named read with its permission and its input, run by `executeQuery`. */
export function defineQuery<S extends z.ZodType, R>(definition: QueryDefinition<S, R>) {
  return definition;
}
