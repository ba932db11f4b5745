import type { FormState } from '@/ui/form-state';
import { ActionForm } from '@/ui/action-form';
import type { Preference } from '../preferences';

/** Where a locked event says why its boxes cannot be cleared. */
export const LOCKED_NOTE = 'Security notice — always sent';

/**
 * Per event, a box per channel the person may clear; a locked security notice shows both ticked and
 * disabled (and is not sent: there is nothing to choose). The events sent are those of the hidden
 * `event` fields, so a cleared box reads as "off".
 */
export function PreferencesForm({ preferences, save }: { preferences: Preference[]; save: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={save} submitLabel="Save preferences" label="Notification preferences">
      <table className="preferences-table">
        <caption className="sr-only">Which notifications you get, per channel</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Email</th>
            <th scope="col">In-app</th>
          </tr>
        </thead>
        <tbody>
          {preferences.map((p) => (
            <tr key={p.event}>
              <th scope="row">
                {p.label}
                {p.locked ? <span className="small muted preferences-locked">{LOCKED_NOTE}</span> : <input type="hidden" name="event" value={p.event} />}
              </th>
              <td>
                <input type="checkbox" name={`${p.event}.email`} aria-label={`Email: ${p.label}`} defaultChecked={p.email} disabled={p.locked} />
              </td>
              <td>
                <input type="checkbox" name={`${p.event}.inApp`} aria-label={`In-app: ${p.label}`} defaultChecked={p.inApp} disabled={p.locked} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ActionForm>
  );
}

/** The action's input from the form: every event the form lists, each box ticked or not. */
export function preferencesFromForm(formData: FormData): { preferences: { event: string; email: boolean; inApp: boolean }[] } {
  const events = formData.getAll('event').filter((e): e is string => typeof e === 'string');
  return { preferences: events.map((event) => ({ event, email: formData.has(`${event}.email`), inApp: formData.has(`${event}.inApp`) })) };
}
