import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isMeter, type Meter } from '@config/usage';
import type { Actor } from '@/platform/actions/actor';
import { rowsOfPrepared } from '@/platform/db/prepared';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import type { UsageEventInput } from './inputs';
import { arrayParam } from './sql';

export const MAX_AGE_MS = 35 * 86_400_000;
export const MAX_AHEAD_MS = 5 * 60_000;

export type Rejection = { index: number; code: 'unknown_organization' | 'unknown_meter' | 'negative_value' | 'timestamp_too_old' | 'timestamp_in_future'; message: string };
/**
 * An event to store: its organization resolved, its timestamp as received (validated ISO 8601, stored as
 * PostgreSQL parses it, microseconds included) and in milliseconds since the epoch (for its UTC day).
 */
export type ScreenedEvent = { organizationId: string; meter: Meter; value: number; timestamp: string; occurredAt: number; idempotencyKey: string };
export type Screened = { valid: ScreenedEvent[]; rejected: Rejection[]; plans: Map<string, string> };
type Org = { id: string; externalId: string | null; plan: string };

/** `column = any(array)`: one parameter however many organizations a batch names. */
function isAnyOf(column: AnyPgColumn, values: Set<string>): SQL {
  return sql`${column} = any(${arrayParam([...values])}::text[])`;
}

/** The organizations the events name, as far as this actor may report for them; locked for this transaction. */
async function organizationsOf(tx: Db, events: UsageEventInput[], actor: Actor): Promise<{ byId: Map<string, Org>; byExternalId: Map<string, Org> }> {
  const ids = new Set<string>();
  const externalIds = new Set<string>();
  for (const e of events) {
    if (e.organizationId) ids.add(e.organizationId);
    else if (e.organizationExternalId) externalIds.add(e.organizationExternalId);
    else if (actor.organizationId) ids.add(actor.organizationId);
  }
  // Locked against deletion until commit, as a foreign key would lock them for each event (schema.ts).
  // Both conditions always, so the statement's text never varies (prepared once per connection).
  const rows =
    ids.size || externalIds.size
      ? await rowsOfPrepared<Org>(
          tx,
          sql`select ${organization.id} as id, ${organization.externalId} as "externalId", ${organization.plan} as plan from ${organization}
            where ${isAnyOf(organization.id, ids)} or ${isAnyOf(organization.externalId, externalIds)}
            order by ${organization.id} for key share`,
        )
      : [];
  // An API key reports for its own organization only: any other is, to it, unknown.
  const visible = actor.type === 'api_key' ? rows.filter((o) => o.id === actor.organizationId) : rows;
  return { byId: new Map(visible.map((o) => [o.id, o])), byExternalId: new Map(visible.flatMap((o) => (o.externalId ? [[o.externalId, o] as const] : []))) };
}

/** Why an event cannot be stored, or null. */
function problemOf(e: UsageEventInput, org: Org | undefined, at: number, window: { oldest: number; latest: number }): Omit<Rejection, 'index'> | null {
  if (!org) return { code: 'unknown_organization', message: e.organizationId || e.organizationExternalId ? 'No such organization.' : 'Name the organization (organizationId or organizationExternalId).' };
  if (!isMeter(e.meter)) return { code: 'unknown_meter', message: `No meter named "${e.meter}".` };
  if (e.value < 0) return { code: 'negative_value', message: 'The value must not be negative.' };
  if (at < window.oldest) return { code: 'timestamp_too_old', message: 'The timestamp is more than 35 days old.' };
  if (at > window.latest) return { code: 'timestamp_in_future', message: 'The timestamp is more than 5 minutes ahead.' };
  return null;
}

/** Splits a batch into the events to store and the ones to report back, each with why; the plan of each organization stored for. */
export async function screenEvents(tx: Db, events: UsageEventInput[], actor: Actor, now: Date): Promise<Screened> {
  const orgs = await organizationsOf(tx, events, actor);
  const window = { oldest: now.getTime() - MAX_AGE_MS, latest: now.getTime() + MAX_AHEAD_MS };
  const screened: Screened = { valid: [], rejected: [], plans: new Map() };
  events.forEach((e, index) => {
    const org = e.organizationId
      ? orgs.byId.get(e.organizationId)
      : e.organizationExternalId
        ? orgs.byExternalId.get(e.organizationExternalId)
        : actor.organizationId
          ? orgs.byId.get(actor.organizationId)
          : undefined;
    // Date.parse, not new Date: Next.js wraps the Date constructor, which makes each instance slow.
    const occurredAt = Date.parse(e.timestamp);
    const problem = problemOf(e, org, occurredAt, window);
    if (problem) return void screened.rejected.push({ index, ...problem });
    screened.valid.push({ organizationId: org!.id, meter: e.meter as Meter, value: e.value, timestamp: e.timestamp, occurredAt, idempotencyKey: e.idempotencyKey });
    screened.plans.set(org!.id, org!.plan);
  });
  return screened;
}
