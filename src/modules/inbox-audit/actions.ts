import { and, eq } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import { notFound } from '@/platform/http/errors';
import { correctionInput, createAuditInput } from './inputs';
import { auditView } from './queries';
import { inboxAuditCorrections, inboxAudits, inboxAuditTickets } from './schema';

/** A new run of the inbox audit, importing from here on; its upload is read in the background. */
export const createInboxAudit = defineAction({
  name: 'staff.inbox_audits.import',
  input: createAuditInput,
  async run({ actor, tx }, input) {
    const [row] = await tx
      .insert(inboxAudits)
      .values({
        id: crypto.randomUUID(),
        label: input.label,
        source: input.source === 'auto' ? null : input.source,
        bytesTotal: input.bytesTotal,
        createdByStaffId: actor.type === 'staff' ? actor.staffId : null,
      })
      .returning();
    return { result: { audit: auditView(row!) }, audit: { entityType: 'inbox_audit', entityId: row!.id, after: { label: input.label, source: input.source, bytes: input.bytesTotal } } };
  },
});

/**
 * A lead's category for a ticket: kept by the help desk's ticket id, so every run holding the ticket
 * shows it now and every later import of it applies it again; it also teaches the classifier.
 */
export const correctAuditTicket = defineAction({
  name: 'staff.inbox_audits.correct',
  input: correctionInput,
  async run({ actor, tx }, { id, ticketId, category }) {
    const [ticket] = await tx
      .select()
      .from(inboxAuditTickets)
      .where(and(eq(inboxAuditTickets.auditId, id), eq(inboxAuditTickets.externalId, ticketId)));
    if (!ticket) throw notFound('Ticket');
    const correction = { category, subject: ticket.subject, body: ticket.body, correctedByStaffId: actor.type === 'staff' ? actor.staffId : null, correctedAt: new Date() };
    await tx
      .insert(inboxAuditCorrections)
      .values({ externalId: ticketId, ...correction })
      .onConflictDoUpdate({ target: inboxAuditCorrections.externalId, set: correction });
    await tx.update(inboxAuditTickets).set({ category, confidence: 1 }).where(eq(inboxAuditTickets.externalId, ticketId));
    return {
      result: { ticket: { id: ticketId, category, confidence: 1, subject: ticket.subject } },
      audit: { entityType: 'inbox_audit_ticket', entityId: `${id}/${ticketId}`, before: { category: ticket.category }, after: { category } },
    };
  },
});
