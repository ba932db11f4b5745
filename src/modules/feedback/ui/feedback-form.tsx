import type { FormState } from '@/ui/form-state';
import { ActionForm, Field } from '@/ui/action-form';
import { MESSAGE_MAX } from '../inputs';
import { KindField } from './kind-field';

/** The typed feedback form; `page` (the portal page it is about) travels as a hidden field. */
export function FeedbackForm({ page, send }: { page: string; send: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={send} submitLabel="Send feedback" pendingLabel="Sending…" label="Feedback">
      <input type="hidden" name="page" value={page} />
      <KindField />
      <Field label="Message" name="message" hint={`Up to ${MESSAGE_MAX.toLocaleString('en-US')} characters.`}>
        <textarea name="message" className="input" rows={6} maxLength={MESSAGE_MAX} required />
      </Field>
    </ActionForm>
  );
}
