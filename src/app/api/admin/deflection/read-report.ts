import { deflectionRangeInput, deflectionReport, type DeflectionReport } from '@/modules/deflection/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { parseInput } from '@/platform/http/validation';

/** The staff member's report for the range in the query: both the JSON and the CSV answer it. */
export async function readReport(request: Request): Promise<DeflectionReport> {
  await requireStaffRequest(request, 'staff.deflection.read');
  const range = parseInput(deflectionRangeInput, Object.fromEntries(new URL(request.url).searchParams));
  return deflectionReport(await getDb(), range);
}
