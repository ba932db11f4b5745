'use server';

import { submitFeedback } from '@/modules/feedback/service';
import { formAction } from '@/platform/actions/form-action';

// The answer is the page anew with its confirmation: it survives a reload and needs no JavaScript.
export const sendFeedbackAction = formAction(submitFeedback, {
  redirect: ({ feedback }) => `/account/feedback?sent=1&from=${encodeURIComponent(feedback.page)}`,
});
