import type { z } from 'zod';
import type { EventData, EventType } from '@config/events';
import type { Permission, StaffPermission } from '@config/permissions';
import type { Db } from '../db/types';
import type { Actor } from './actor';

export type AuditEntry = {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Set when the action decides the organization itself (host provisioning). */
  organizationId?: string;
};

export type ActionContext = {
  actor: Actor;
  tx: Db;
  /** Queues an event of config/events.ts; its payload is checked against the catalog before commit. */
  emit<T extends EventType>(type: T, payload: EventData<T>): void;
  /**
   * Runs `step` after the audit row, as the transaction's last write before commit (and before the
   * outbox rows, so it may emit). For writes to rows that concurrent transactions queue for: they stay
   * locked from that write to the commit, and every round trip in between holds the queue back.
   */
  beforeCommit(step: () => Promise<void>): void;
  /**
   * Runs `step` once the transaction has committed, before the caller gets the result: for what only
   * makes sense after the change is durable (a mail with a link, a cache invalidation on other
   * instances). Its failure reaches the caller; the change stays.
   */
  afterCommit(step: () => Promise<void>): void;
};

export type ActionDefinition<S extends z.ZodType, R, P = undefined> = {
  name: Permission | StaffPermission | `host.${string}` | `system.${string}`;
  input: S;
  /** Any signed-in person may run it, member or not (its own rules decide); skips the role matrix. */
  openToSignedInPeople?: boolean;
  /** An API key holding this scope may run it, for its own organization only (the action enforces that). */
  apiKeyScope?: string;
  /**
   * Runs before the transaction opens, for calls into systems that cannot join it (Better Auth's
   * own queries, Stripe). On PGlite a transaction holds the only connection, so those calls must
   * happen outside it. Its failure aborts the action before anything is written.
   */
  prepare?: (ctx: PrepareContext, input: z.infer<S>) => Promise<P>;
  /**
   * What `prepare` changed outside the database (null: nothing), asked only when the transaction then
   * fails: that change stands, so it gets an audit row of its own, after being undone by `compensate`
   * where that is possible and right. Every action whose `prepare` changes something outside has one.
   */
  outsideChange?: (prepared: P, input: z.infer<S>, actor: Actor) => OutsideChange | null;
  run(ctx: ActionContext, input: z.infer<S>, prepared: P): Promise<{ result: R; audit: AuditEntry }>;
};

export type OutsideChange = {
  entityType: string;
  entityId: string;
  organizationId?: string;
  /** What stands outside (or stood, when compensated); kept in the audit row's `after`. */
  after: Record<string, unknown>;
  compensate?: () => Promise<void>;
};

export type PrepareContext = { actor: Actor; headers: Headers };

export function defineAction<S extends z.ZodType, R, P = undefined>(definition: ActionDefinition<S, R, P>) {
  return definition;
}
