import { inArray, or } from 'drizzle-orm';
import { isMeter, type Meter } from '@config/usage';
import type { Actor } from '@/platform/actions/actor';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import type { UsageEventInput } from './inputs';

export const MAX_AGE_MS = 35 * 86_400_000;
export const MAX_AHEAD_MS = 5 * 60_000;

export type Rejection = { index: number; code: 'unknown_organization' | 'unknown_meter' | 'negative_value' | 'timestamp_too_old' | 'timestamp_in_future'; message: string };
export type ScreenedEvent = { organizationId: string; plan: string; meter: Meter; value: number; occurredAt: Date; idempotencyKey: string };
type Org = { id: string; externalId: string | null; plan: string };

/** The organizations the events name, as far as this actor may report for them. */
async function organizationsOf(tx: Db, events: UsageEventInput[], actor: Actor): Promise<{ byId: Map<string, Org>; byExternalId: Map<string, Org> }> {
  const ids = new Set<string>();
  const externalIds = new Set<string>();
  for (const e of events) {
    if (e.organizationId) ids.add(e.organizationId);
    else if (e.organizationExternalId) externalIds.add(e.organizationExternalId);
    else if (actor.organizationId) ids.add(actor.organizationId);
  }
  const conditions = [...(ids.size ? [inArray(organization.id, [...ids])] : []), ...(externalIds.size ? [inArray(organization.externalId, [...externalIds])] : [])];
  const rows = conditions.length ? await tx.select({ id: organization.id, externalId: organization.externalId, plan: organization.plan }).from(organization).where(or(...conditions)) : [];
  // An API key reports for its own organization only: any other is, to it, unknown.
  const visible = actor.type === 'api_key' ? rows.filter((o) => o.id === actor.organizationId) : rows;
  return { byId: new Map(visible.map((o) => [o.id, o])), byExternalId: new Map(visible.flatMap((o) => (o.externalId ? [[o.externalId, o] as const] : []))) };
}

/** Splits a batch into the events to store and the ones to report back, each with why. */
export async function screenEvents(tx: Db, events: UsageEventInput[], actor: Actor, now: Date): Promise<{ valid: ScreenedEvent[]; rejected: Rejection[] }> {
  const orgs = await organizationsOf(tx, events, actor);
  const valid: ScreenedEvent[] = [];
  const rejected: Rejection[] = [];
  events.forEach((e, index) => {
    const reject = (code: Rejection['code'], message: string) => rejected.push({ index, code, message });
    const org = e.organizationId
      ? orgs.byId.get(e.organizationId)
      : e.organizationExternalId
        ? orgs.byExternalId.get(e.organizationExternalId)
        : actor.organizationId
          ? orgs.byId.get(actor.organizationId)
          : undefined;
    const occurredAt = new Date(e.timestamp);
    if (!org) return reject('unknown_organization', e.organizationId || e.organizationExternalId ? 'No such organization.' : 'Name the organization (organizationId or organizationExternalId).');
    if (!isMeter(e.meter)) return reject('unknown_meter', `No meter named "${e.meter}".`);
    if (e.value < 0) return reject('negative_value', 'The value must not be negative.');
    if (occurredAt.getTime() < now.getTime() - MAX_AGE_MS) return reject('timestamp_too_old', 'The timestamp is more than 35 days old.');
    if (occurredAt.getTime() > now.getTime() + MAX_AHEAD_MS) return reject('timestamp_in_future', 'The timestamp is more than 5 minutes ahead.');
    valid.push({ organizationId: org.id, plan: org.plan, meter: e.meter, value: e.value, occurredAt, idempotencyKey: e.idempotencyKey });
  });
  return { valid, rejected };
}
