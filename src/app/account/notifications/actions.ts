'use server';

import { markNotificationsRead, updateNotificationPreferences } from '@/modules/notifications/actions';
import { preferencesFromForm } from '@/modules/notifications/ui/preferences-form';
import { formAction } from '@/platform/actions/form-action';
import { idleFormState } from '@/ui/form-state';

// The bell in the layout counts what is unread: every change here renders the layout anew.
const markRead = formAction(markNotificationsRead, {
  input: (formData) => (formData.get('all') === 'true' ? { all: true } : { ids: formData.getAll('id') }),
  revalidate: [['/account', 'layout']],
});

/**
 * The list's plain server forms ("Mark as read", "Mark all as read"), which work before any
 * JavaScript: the page rendered anew is their answer. Only ids of one's own notifications can be
 * marked, so the one failure left is a tampered form, which changes nothing.
 */
export async function markReadForm(formData: FormData): Promise<void> {
  await markRead(idleFormState, formData);
}

export const savePreferencesAction = formAction(updateNotificationPreferences, {
  input: preferencesFromForm,
  revalidate: ['/account/notifications/preferences'],
  success: () => 'Your notification preferences were saved.',
});
