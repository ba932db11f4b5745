import { approveInvoiceCorrection } from '@/modules/invoices/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.invoice_corrections.approve');
  return ok(await executeAction(actor, approveInvoiceCorrection, await readJsonInput(request, { correctionId: await param(context, 'id') }), { headers }));
});
