'use client';

import type { ScopeContent } from '../../schema';
import { ActionForm, Field } from '@/ui/action-form';
import type { FormState } from '@/ui/form-state';
import type { ScopeCandidate } from '../service';
import { categoryLabel, categoryLabels, formatShare, sectionLabel } from './labels';

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  version: number;
  candidates: ScopeCandidate[];
  /** False once the draft's audit is gone: its sections then stay as they are. */
  rearrangeable: boolean;
  staysWithSupport: ScopeContent['staysWithSupport'];
  notes: string;
};

/** The lead's edit of the draft: which sections launch, a note on each, why the rest stays with support. */
export function ScopeDraftForm({ action, version, candidates, rearrangeable, staysWithSupport, notes }: Props) {
  return (
    <ActionForm action={action} submitLabel="Save draft" label={`Draft, version ${version}`}>
      <input type="hidden" name="version" value={version} />
      <fieldset className="stack">
        <legend>Sections to launch</legend>
        <p className="small muted">
          {rearrangeable ? 'Untick a section to leave its reasons with support.' : 'The audit of this draft is gone: its sections stay as they are; the notes and reasons can change.'}
        </p>
        {candidates.length === 0 ? <p className="muted">No reason of this audit has a portal screen.</p> : null}
        {candidates.map((c) => (
          <div key={c.section} className="stack-sm">
            {rearrangeable ? (
              <label className="row">
                <input type="checkbox" name="launch" value={c.section} defaultChecked={c.launched} /> Launch {sectionLabel(c.section)}
              </label>
            ) : (
              <strong>{sectionLabel(c.section)}</strong>
            )}
            <span className="small muted">
              {categoryLabels(c.categories)} · {c.tickets} tickets ({formatShare(c.share)})
            </span>
            <Field label={`Note on ${sectionLabel(c.section)}`} name={`sectionNotes.${c.section}`}>
              <textarea name={`sectionNotes.${c.section}`} className="input" rows={2} maxLength={2_000} defaultValue={c.note} />
            </Field>
          </div>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Stays with support</legend>
        {staysWithSupport.length === 0 ? <p className="muted">Nothing stays with support.</p> : null}
        {staysWithSupport.map((s) => (
          <Field key={s.category} label={`Why “${categoryLabel(s.category)}” stays with support (${s.tickets} tickets)`} name={`reasons.${s.category}`}>
            <textarea name={`reasons.${s.category}`} className="input" rows={2} maxLength={2_000} defaultValue={s.reason} />
          </Field>
        ))}
      </fieldset>
      <Field label="Notes" name="notes" hint="Anything the team should know before work starts: order, dates, owners.">
        <textarea name="notes" className="input" rows={5} maxLength={20_000} defaultValue={notes} />
      </Field>
    </ActionForm>
  );
}
