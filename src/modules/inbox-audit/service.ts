import { rm } from 'node:fs/promises';
import { staffCan, type StaffRole } from '@config/permissions';
import { executeAction } from '@/platform/actions/execute';
import type { StaffActor } from '@/platform/auth/staff-session';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { createInboxAudit } from './actions';
import { findAudit, type AuditView } from './queries';
import { startImport } from './runner';
import { receiveUpload } from './upload';
import type { InboxSource } from './adapters';

/** The run's name when the lead gives none. */
export const defaultLabel = (now: Date) => `Inbox audit ${now.toISOString().slice(0, 10)}`;

/**
 * Receives an export and starts its audit: the upload is stored first (a file that is no export is
 * refused before any run exists), then the run is created and read in the background.
 */
export async function uploadExport(
  db: Db,
  actor: StaffActor,
  request: Request,
  query: { source: InboxSource | 'auto'; label?: string },
  headers?: Headers,
): Promise<{ audit: AuditView }> {
  const upload = await receiveUpload(request, query.source);
  const label = query.label || defaultLabel(new Date());
  const { audit } = await executeAction(actor, createInboxAudit, { label, source: query.source, bytesTotal: upload.bytes }, { headers, db }).catch(async (error: unknown) => {
    await rm(upload.file, { force: true });
    throw error;
  });
  startImport(db, { auditId: audit.id, file: upload.file, source: query.source });
  return { audit };
}

/** A run by id, or 404. */
export async function auditOr404(db: Db, id: string): Promise<AuditView> {
  const audit = await findAudit(db, id);
  if (!audit) throw notFound('Inbox audit');
  return audit;
}

/** Whether a staff role may correct a ticket's category (the console shows the selects). */
export function canCorrectAudits(role: StaffRole): boolean {
  return staffCan(role, 'staff.inbox_audits.correct');
}
