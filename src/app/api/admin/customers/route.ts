import { customerSearchInput, searchCustomers } from '@/modules/customers/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.customers.read');
  const query = parseInput(customerSearchInput, Object.fromEntries(new URL(request.url).searchParams));
  return ok({ organizations: await searchCustomers(await getDb(), query) });
});
