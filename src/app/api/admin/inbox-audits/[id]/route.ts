import { auditOr404 } from '@/modules/inbox-audit/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  await requireStaffRequest(request, 'staff.inbox_audits.read');
  return ok({ audit: await auditOr404(await getDb(), await param(context, 'id')) });
});
