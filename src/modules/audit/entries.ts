import type { auditLog } from '@/platform/actions/schema';

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

export type AuditRow = typeof auditLog.$inferSelect;

export function entryOf(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, email: row.actorEmail, name: row.actorName },
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    createdAt: row.createdAt.toISOString(),
  };
}

export type AuditPage<E> = { entries: E[]; nextBefore: string | null };

/** The first `limit` of `found` (fetched with one row more), and the cursor of the next page when there is one. */
export function pageOf<R extends { id: number }, E>(found: R[], limit: number, view: (row: R) => E): AuditPage<E> {
  const page = found.slice(0, limit);
  return { entries: page.map(view), nextBefore: found.length > limit ? String(page[page.length - 1]!.id) : null };
}
