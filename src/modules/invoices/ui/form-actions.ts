'use server';

import { formAction } from '@/platform/actions/form-action';
import { staffMarkInvoicePaid } from '../actions';

export const markPaidAction = formAction(staffMarkInvoicePaid, { asStaff: true, success: ({ invoice }) => `Invoice ${invoice.number ?? invoice.id} is marked paid.` });
