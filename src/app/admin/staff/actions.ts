'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { inviteStaff, removeStaff, updateStaff } from '@/modules/staff/service';
import type { ActionDefinition } from '@/platform/actions/define';
import { executeAction } from '@/platform/actions/execute';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentStaff } from '@/platform/auth/staff-session';
import type { FormState } from '@/ui/form-state';

async function run<S extends z.ZodType, R, P>(action: ActionDefinition<S, R, P>, input: unknown): Promise<R> {
  const result = await executeAction(await currentStaff(), action, input, { headers: await headers() });
  revalidatePath('/admin/staff');
  return result;
}

export async function inviteStaffAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { staff, setupUrl } = await run(inviteStaff, formObject(formData));
    return { status: 'success', message: `${staff.email} was added as ${staff.role}.`, data: { email: staff.email, setupUrl } };
  });
}

/** Called from the role menu; the row already shows the new role and rolls back on an error. */
export async function changeStaffRoleAction(id: string, role: string): Promise<FormState> {
  return toFormState(async () => {
    const { staff } = await run(updateStaff, { id, role });
    return `${staff.name} is now ${staff.role}.`;
  });
}

export async function setStaffDisabledAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { staff } = await run(updateStaff, { id: formData.get('id'), disabled: formData.get('disabled') === 'true' });
    return staff.status === 'disabled' ? `${staff.name} can no longer sign in.` : `${staff.name} can sign in again.`;
  });
}

export async function removeStaffAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { staff } = await run(removeStaff, formObject(formData));
    return `${staff.name} was removed from the staff.`;
  });
}
