import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';

export const auditQuery = z.object({
  entityType: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export type AuditEntry = {
  id: string;
  action: string;
  /** `name`: a staff member's, as it was when they acted (null for other actors). */
  actor: { type: string; id: string | null; email: string | null; name: string | null };
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
};

/** The organization's trail, newest first, paged by id (`nextBefore` is the cursor of the next page). */
export async function listAuditEntries(db: Db, organizationId: string, query: AuditQuery): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
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
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      action: r.action,
      actor: { type: r.actorType, id: r.actorId, email: r.actorEmail, name: r.actorName },
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}
