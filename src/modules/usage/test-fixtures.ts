// Test helpers of the usage module (imported by its tests only).
import { and, asc, eq } from 'drizzle-orm';
import type { Plan } from '@config/plans';
import { outbox } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { usageDaily, usageEvent, usageMonthly } from './schema';

export { rowsOf } from '@/platform/db/rows';

let counter = 0;
export const key = (tag = 'k') => `${tag}-${process.pid}-${++counter}`;

export async function setPlan(db: Db, organizationId: string, plan: Plan): Promise<void> {
  await db.update(organization).set({ plan }).where(eq(organization.id, organizationId));
}

export async function dailyOf(db: Db, organizationId: string, meter = 'api_calls') {
  return db
    .select({ day: usageDaily.day, value: usageDaily.value })
    .from(usageDaily)
    .where(and(eq(usageDaily.organizationId, organizationId), eq(usageDaily.meter, meter)))
    .orderBy(asc(usageDaily.day));
}

export async function monthlyOf(db: Db, organizationId: string, meter = 'api_calls') {
  return db
    .select({ month: usageMonthly.month, value: usageMonthly.value })
    .from(usageMonthly)
    .where(and(eq(usageMonthly.organizationId, organizationId), eq(usageMonthly.meter, meter)))
    .orderBy(asc(usageMonthly.month));
}

export async function rawEventsOf(db: Db, organizationId: string) {
  return db.select().from(usageEvent).where(eq(usageEvent.organizationId, organizationId)).orderBy(asc(usageEvent.receivedAt), asc(usageEvent.idempotencyKey));
}

export async function thresholdEvents(db: Db) {
  return db.select().from(outbox).where(eq(outbox.type, 'usage.threshold_reached')).orderBy(asc(outbox.id));
}

export function event(organizationId: string, overrides: Record<string, unknown> = {}) {
  return { organizationId, meter: 'api_calls', value: 1, timestamp: new Date().toISOString(), idempotencyKey: key(), ...overrides };
}
