import { randomUUID } from 'node:crypto';
import { inboxAudits, inboxAuditTickets } from '@/modules/inbox-audit/schema';
import type { Db } from '@/platform/db/types';

/**
 * An inbox audit written straight into the tables, as an import leaves one: `tickets` of each category
 * (the help desk's ids made up from it), finished unless `status` says otherwise.
 */
export async function seedInboxAudit(db: Db, tickets: Readonly<Record<string, number>>, options: { label?: string; status?: 'importing' | 'ready' | 'failed' } = {}): Promise<string> {
  const auditId = randomUUID();
  const rows = Object.entries(tickets).flatMap(([category, count]) =>
    Array.from({ length: count }, (_, i) => ({ auditId, externalId: `${category}-${i + 1}`, subject: `About ${category}`, category, confidence: 0.9 })),
  );
  const status = options.status ?? 'ready';
  await db.insert(inboxAudits).values({
    id: auditId,
    label: options.label ?? `Audit ${auditId.slice(0, 8)}`,
    source: 'generic',
    status,
    rows: rows.length,
    imported: rows.length,
    finishedAt: status === 'importing' ? null : new Date(),
  });
  if (rows.length > 0) await db.insert(inboxAuditTickets).values(rows.map((row, i) => ({ ...row, line: i + 2 })));
  return auditId;
}
