'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { saveNotificationSettings, sendTestNotification } from '@/modules/support-alerts/service';
import { formAction, toFormState } from '@/platform/actions/form-action';
import { currentStaff } from '@/platform/auth/staff-session';
import type { FormState } from '@/ui/form-state';

export async function saveNotificationSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await saveNotificationSettings(await currentStaff(), formData, await headers());
    revalidatePath('/admin/settings/notifications');
    return 'Notification rules saved.';
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const sendTestNotificationAction = formAction(sendTestNotification, {
  asStaff: true,
  input: () => ({}),
  success: ({ slack, email }) => `Test message sent to ${[slack.length > 0 ? plural(slack.length, 'Slack URL', 'Slack URLs') : null, email.length > 0 ? plural(email.length, 'address', 'addresses') : null].filter(Boolean).join(' and ')}.`,
});
