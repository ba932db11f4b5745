import { topCsv } from '@/modules/inbox-audit/csv';
import { auditOr404 } from '@/modules/inbox-audit/service';
import { topReasons } from '@/modules/inbox-audit/top';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { attachmentHeaders } from '@/platform/http/attachment';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  await requireStaffRequest(request, 'staff.inbox_audits.read');
  const db = await getDb();
  const audit = await auditOr404(db, await param(context, 'id'));
  return new Response(topCsv(await topReasons(db, audit.id)), { headers: attachmentHeaders(`inbox-audit-${audit.id}-top.csv`, 'text/csv; charset=utf-8') });
});
