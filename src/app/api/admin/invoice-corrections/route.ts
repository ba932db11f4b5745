import { listCorrections, staffCorrectionsInput } from '@/modules/invoices/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.invoice_corrections.read');
  const query = parseInput(staffCorrectionsInput, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listCorrections(await getDb(), query));
});
