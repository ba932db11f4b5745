import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { entryOf, pageOf, type AuditEntry, type AuditPage } from './entries';

export { auditTrailOlderThan, type TrailEntry } from './trail';
export { diffJson, type FieldChange, type JsonDiff } from './diff';
export { actorLabel, knownAuditActions } from './labels';
export { listStaffAuditEntries, staffAuditQuery, actorFilters, type ActorFilter, type StaffAuditEntry, type StaffAuditQuery } from './staff-audit';
export type { AuditEntry, AuditPage } from './entries';

export const auditQuery = z.object({
  entityType: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** The organization's trail, newest first, paged by id (`nextBefore` is the cursor of the next page). */
export async function listAuditEntries(db: Db, organizationId: string, query: AuditQuery): Promise<AuditPage<AuditEntry>> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
        query.before ? lt(auditLog.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, entryOf);
}
