import { and, asc, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { rowsOf } from '@/platform/db/rows';
import { abandonedMessage, isAbandoned } from './runner';
import { inboxAudits, inboxAuditTickets, type InvalidRow } from './schema';

type AuditRow = typeof inboxAudits.$inferSelect;

/** An audit as the API and the console show it. */
export type AuditView = {
  id: string;
  label: string;
  status: 'importing' | 'ready' | 'failed';
  /** Of the upload read so far, 0..1. */
  progress: number;
  source: string | null;
  rows: number;
  imported: number;
  duplicates: number;
  invalid: InvalidRow[];
  invalidCount: number;
  failure: string | null;
  from: string | null;
  to: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export function auditView(row: AuditRow): AuditView {
  const abandoned = isAbandoned(row);
  return {
    id: row.id,
    label: row.label,
    status: abandoned ? 'failed' : (row.status as AuditView['status']),
    progress: row.status === 'ready' ? 1 : row.bytesTotal === 0 ? 0 : Math.min(1, row.bytesRead / row.bytesTotal),
    source: row.source,
    rows: row.rows,
    imported: row.imported,
    duplicates: row.duplicates,
    invalid: row.invalid,
    invalidCount: row.invalidCount,
    failure: abandoned ? abandonedMessage : row.failure,
    from: row.from?.toISOString() ?? null,
    to: row.to?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function listAudits(db: Db): Promise<AuditView[]> {
  return (await db.select().from(inboxAudits).orderBy(desc(inboxAudits.createdAt), desc(inboxAudits.id))).map(auditView);
}

export async function findAudit(db: Db, id: string): Promise<AuditView | null> {
  const [row] = await db.select().from(inboxAudits).where(eq(inboxAudits.id, id));
  return row ? auditView(row) : null;
}

/** The ready run before this one: "this quarter against the last". */
export async function previousAudit(db: Db, audit: AuditView): Promise<AuditView | null> {
  const [row] = await db
    .select()
    .from(inboxAudits)
    .where(and(eq(inboxAudits.status, 'ready'), lt(inboxAudits.createdAt, new Date(audit.createdAt))))
    .orderBy(desc(inboxAudits.createdAt))
    .limit(1);
  return row ? auditView(row) : null;
}

/** Tickets per category of a run. */
export async function categoryCounts(db: Db, auditId: string): Promise<Map<string, number>> {
  const rows = await rowsOf<{ category: string; tickets: number }>(
    db,
    sql`select category, count(*)::int as tickets from inbox_audit_tickets where audit_id = ${auditId} group by category`,
  );
  return new Map(rows.map((r) => [r.category, r.tickets]));
}

export type TicketView = { id: string; category: string; confidence: number; subject: string };

export const TICKETS_PAGE = 50;

/** One page of a run's tickets, in file order, of one category or all. */
export async function ticketsPage(db: Db, auditId: string, filter: { category?: string; page: number }): Promise<{ tickets: TicketView[]; total: number }> {
  const where = and(eq(inboxAuditTickets.auditId, auditId), filter.category ? eq(inboxAuditTickets.category, filter.category) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: inboxAuditTickets.externalId, category: inboxAuditTickets.category, confidence: inboxAuditTickets.confidence, subject: inboxAuditTickets.subject })
      .from(inboxAuditTickets)
      .where(where)
      .orderBy(asc(inboxAuditTickets.line))
      .limit(TICKETS_PAGE)
      .offset((filter.page - 1) * TICKETS_PAGE),
    db.select({ n: count() }).from(inboxAuditTickets).where(where),
  ]);
  return { tickets: rows, total: total?.n ?? 0 };
}

/** Every ticket of a run, a page at a time by ticket id: `tickets.csv` streams them. */
export async function* allTickets(db: Db, auditId: string, pageSize = 2000): AsyncGenerator<TicketView[]> {
  let after: string | null = null;
  for (;;) {
    const rows: TicketView[] = await db
      .select({ id: inboxAuditTickets.externalId, category: inboxAuditTickets.category, confidence: inboxAuditTickets.confidence, subject: inboxAuditTickets.subject })
      .from(inboxAuditTickets)
      .where(and(eq(inboxAuditTickets.auditId, auditId), after === null ? undefined : gt(inboxAuditTickets.externalId, after)))
      .orderBy(asc(inboxAuditTickets.externalId))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
  }
}
