import { z } from 'zod';
import { correctionInput, uploadQuery } from '@/modules/inbox-audit/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const time = z.string().describe('ISO 8601, UTC.');
const audit = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['importing', 'ready', 'failed']),
  progress: z.number().describe('Of the upload read so far, 0..1.'),
  source: z.enum(['zendesk', 'helpscout', 'freshdesk', 'intercom', 'generic']).nullable().describe('Null until the header is read when the source was `auto`.'),
  rows: z.number().int().describe('Data rows read.'),
  imported: z.number().int(),
  duplicates: z.number().int().describe('Rows whose ticket id an earlier row of the file had.'),
  invalid: z.array(z.object({ line: z.number().int(), reason: z.string() })).describe('Rows skipped or changed, by their line in the file (the first 200).'),
  invalidCount: z.number().int().describe('All reported rows.'),
  failure: z.string().nullable().describe('Why a failed import stopped.'),
  from: time.nullable().describe('The earliest ticket’s creation.'),
  to: time.nullable().describe('The latest ticket’s creation.'),
  createdAt: time,
  finishedAt: time.nullable(),
});
const auditId = { id: { description: 'The audit id.' } };
const csv = (description: string) => ({ status: 200, description, mediaType: 'text/csv', schema: z.string() });

/** The inbox audit of the staff console: help desk exports, their ranked reasons and tagged tickets. */
export const inboxAuditOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/admin/inbox-audits',
    tag: 'Staff console',
    summary: 'Upload a help desk export and start its inbox audit',
    description:
      'Lead only. The body is the CSV export itself (up to 100 MB, 413 beyond). A file that is empty, binary or has no recognisable header answers 422 before any run exists. The run is read in the background: poll it for `progress`.',
    auth: { type: 'staffSession' },
    query: uploadQuery,
    rawBody: { mediaType: 'text/csv', description: 'A Zendesk, Help Scout, Freshdesk or Intercom (IntercomExport) export, or `id,subject,body,created_at,closed_at,tags`.' },
    success: { status: 202, description: 'The run, importing.', data: z.object({ audit: z.object({ id: z.string(), status: z.literal('importing') }) }) },
    errors: ['forbidden'],
  },
  {
    method: 'get',
    path: '/api/admin/inbox-audits',
    tag: 'Staff console',
    summary: 'Every inbox audit run, newest first',
    description: 'Lead only.',
    auth: { type: 'staffSession' },
    success: { status: 200, description: 'The runs.', data: z.object({ audits: z.array(audit) }) },
    errors: ['forbidden'],
  },
  {
    method: 'get',
    path: '/api/admin/inbox-audits/{id}',
    tag: 'Staff console',
    summary: 'One inbox audit run, with its progress and reported rows',
    description: 'Lead only.',
    auth: { type: 'staffSession' },
    pathParams: auditId,
    success: { status: 200, description: 'The run.', data: z.object({ audit }) },
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/api/admin/inbox-audits/{id}/top.csv',
    tag: 'Staff console',
    summary: 'The run’s top 15 reasons as CSV',
    description: 'Lead only. `human_cost` is in the support cost’s currency (`SUPPORT_COST_PER_HOUR`).',
    auth: { type: 'staffSession' },
    pathParams: auditId,
    success: csv('Header `rank,category,tickets,share,cumulative_share,median_resolution_hours,human_cost,portal_screen,absorbable`.'),
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/api/admin/inbox-audits/{id}/tickets.csv',
    tag: 'Staff console',
    summary: 'Every ticket of the run with its category, as CSV',
    description: 'Lead only. By ticket id.',
    auth: { type: 'staffSession' },
    pathParams: auditId,
    success: csv('Header `id,category,confidence,subject`; a confidence of 1 is a staff correction.'),
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'patch',
    path: '/api/admin/inbox-audits/{id}/tickets/{ticketId}',
    tag: 'Staff console',
    summary: 'Correct a ticket’s category',
    description: 'Lead only. Kept by the help desk’s ticket id: every run holding the ticket shows it, and every later import applies it again.',
    auth: { type: 'staffSession' },
    pathParams: { ...auditId, ticketId: { description: 'The help desk’s ticket id.' } },
    body: { schema: correctionInput, fromPath: ['id', 'ticketId'] },
    success: { status: 200, description: 'The ticket.', data: z.object({ ticket: z.object({ id: z.string(), category: z.string(), confidence: z.number(), subject: z.string() }) }) },
    errors: ['forbidden', 'not_found'],
  },
];
