import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '@/platform/actions/schema';
import { olderThan, timeText, type Keyset } from '@/platform/db/keyset';
import type { Db } from '@/platform/db/types';
import { entryOf, type AuditEntry } from './entries';

/** An entry with its exact time and its key (the id, zero-padded so that it sorts as text). */
export type TrailEntry = AuditEntry & { at: string; key: string };

const KEY_WIDTH = 20;
const keyOf = sql`lpad(${auditLog.id}::text, ${sql.raw(String(KEY_WIDTH))}, '0')`;

/** The organization's audit rows after `bound`, newest first by (time, id): the timeline's audit source. */
export async function auditTrailOlderThan(db: Db, organizationId: string, bound: Keyset | undefined, limit: number): Promise<TrailEntry[]> {
  const rows = await db
    .select({ row: auditLog, at: timeText(auditLog.createdAt) })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, organizationId), olderThan(auditLog.createdAt, keyOf, bound)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ row, at }) => ({ ...entryOf(row), at, key: String(row.id).padStart(KEY_WIDTH, '0') }));
}
