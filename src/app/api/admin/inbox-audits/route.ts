import { uploadQuery } from '@/modules/inbox-audit/inputs';
import { listAudits } from '@/modules/inbox-audit/queries';
import { uploadExport } from '@/modules/inbox-audit/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.inbox_audits.read');
  return ok({ audits: await listAudits(await getDb()) });
});

/** The export is the raw body; its audit is read in the background, so the answer comes once it is stored. */
export const POST = route(async (request) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.inbox_audits.import');
  const query = parseInput(uploadQuery, Object.fromEntries(new URL(request.url).searchParams));
  const { audit } = await uploadExport(await getDb(), actor, request, query, headers);
  return ok({ audit: { id: audit.id, status: audit.status } }, 202);
});
