'use server';

import { executeAction } from '@/platform/actions/execute';
import { staffFormAction } from '@/platform/actions/staff-form-action';
import { staffMarkInvoicePaid } from '../actions';

export const markPaidAction = staffFormAction(
  (actor, input, options) => executeAction(actor, staffMarkInvoicePaid, input, options),
  ({ invoice }) => `Invoice ${invoice.number ?? invoice.id} is marked paid.`,
);
