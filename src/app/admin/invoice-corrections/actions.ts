'use server';

import { approveInvoiceCorrection } from '@/modules/invoices/service';
import { formAction } from '@/platform/actions/form-action';

export const approveCorrectionAction = formAction(approveInvoiceCorrection, {
  asStaff: true,
  revalidate: ['/admin/invoice-corrections'],
  success: () => 'Approved: the invoice was credited and reissued at Stripe. The customer is told by email.',
});
