'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { saveNotificationSettings } from '@/modules/support-alerts/service';
import { toFormState } from '@/platform/actions/form-action';
import { currentStaff } from '@/platform/auth/staff-session';
import type { FormState } from '@/ui/form-state';

export async function saveNotificationSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await saveNotificationSettings(await currentStaff(), formData, await headers());
    revalidatePath('/admin/settings/notifications');
    return 'Notification rules saved.';
  });
}
