import { defineQuery } from '@/platform/actions/define-query';
import { auditQuery, listAuditEntries } from './service';

/** The organization's trail, newest first, a page at a time (`GET /api/account/audit`). */
export const auditEntriesQuery = defineQuery({
  name: 'audit.read',
  input: auditQuery,
  run: ({ db, organizationId }, query) => listAuditEntries(db, organizationId, query),
});

const firstPage = auditQuery.parse({});

/** The Activity screen: a page it cannot read shows the newest entries instead. */
export const activityScreenQuery = defineQuery({
  name: 'audit.read',
  input: auditQuery.catch(firstPage),
  run: async ({ db, organizationId }, query) => ({ ...(await listAuditEntries(db, organizationId, query)), before: query.before }),
});
