import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { FormState } from '@/ui/form-state';
import { currentStaff } from '../auth/staff-session';
import type { Actor } from './actor';
import { formObject, toFormState } from './form-action';

/** How the form's write runs: `executeAction` with its action, or a module's service around it. */
type Run<R> = (actor: Actor | null, input: unknown, options: { headers: Headers }) => Promise<R>;

const CUSTOMER_PAGE = '/admin/customers';

/**
 * A console form on a customer's page: runs the write as the signed-in staff member acting on the
 * customer the form names (its `organizationId` field; the action finds no row of any other), then
 * renders that customer's page anew. Export its result from a 'use server' file.
 */
export function staffFormAction<R>(run: Run<R>, success: (result: R) => string) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    toFormState(async () => {
      const staff = await currentStaff();
      const input = formObject(formData);
      const actor = staff && input.organizationId ? { ...staff, organizationId: input.organizationId } : staff;
      const result = await run(actor, input, { headers: await headers() });
      if (input.organizationId) revalidatePath(`${CUSTOMER_PAGE}/${encodeURIComponent(input.organizationId)}`);
      return success(result);
    });
}
