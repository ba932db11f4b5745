'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/dialog';
import type { FormState } from '@/ui/form-state';
import { Input } from '@/ui/input';
import { useToast } from '@/ui/toast';
import { mayHide, ROLLOUT_MODES, type RolloutMode, type RolloutRule } from '../modes';
import { OrganizationPicker, type PickedOrganization } from './organization-picker';

export type SwitchChange = { mode: RolloutMode; percentage?: number; organizations?: string[] };
export type SwitchSectionAction = (section: string, change: SwitchChange) => Promise<FormState>;

const modeLabels: Record<RolloutMode, { label: string; hint: string }> = {
  off: { label: 'Off', hint: 'Hidden from every customer.' },
  on: { label: 'On', hint: 'Shown to every customer.' },
  percentage: { label: 'Percentage', hint: 'Shown to a stable share of organizations.' },
  allowlist: { label: 'Allowlist', hint: 'Shown to the organizations you pick.' },
};

type Props = {
  section: string;
  label: string;
  current: RolloutRule;
  /** The names of the organizations on the current allowlist. */
  names: Record<string, string>;
  action: SwitchSectionAction;
};

/** One section's switch: its mode, percentage or allowlist, saved after a confirmation when it may hide the section. */
export function RolloutEditor({ section, label, current, names, action }: Props) {
  const router = useRouter();
  const toast = useToast();
  const percentId = useId();
  const [mode, setMode] = useState<RolloutMode>(current.mode);
  const [percentage, setPercentage] = useState(String(current.percentage));
  const [picked, setPicked] = useState<PickedOrganization[]>(current.organizations.map((id) => ({ id, name: names[id] ?? id })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [saving, startSaving] = useTransition();

  const change: SwitchChange = {
    mode,
    ...(mode === 'percentage' ? { percentage: Number(percentage) } : {}),
    ...(mode === 'allowlist' ? { organizations: picked.map((p) => p.id) } : {}),
  };
  const next: RolloutRule = { mode, percentage: change.percentage ?? current.percentage, organizations: change.organizations ?? current.organizations };

  function save() {
    setConfirming(false);
    startSaving(async () => {
      const state = await action(section, change);
      setErrors(state.fields ?? {});
      toast.show(state.message ?? (state.status === 'success' ? 'Saved.' : 'Not saved.'), state.status === 'success' ? 'success' : 'error');
      if (state.status === 'success') router.refresh();
    });
  }

  return (
    <form
      className="stack"
      aria-label={`Rollout of ${label}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (mayHide(current, next)) setConfirming(true);
        else save();
      }}
    >
      <fieldset className="stack-sm">
        <legend className="label">Who sees {label}</legend>
        {ROLLOUT_MODES.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={`mode-${section}`} value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>
              {modeLabels[m].label} <span className="small muted">— {modeLabels[m].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'percentage' ? (
        <div className="field">
          <label className="label" htmlFor={percentId}>
            Percentage of organizations
          </label>
          <Input id={percentId} type="number" inputMode="numeric" min={0} max={100} step={1} value={percentage} onChange={(e) => setPercentage(e.target.value)} invalid={Boolean(errors.percentage)} />
          {errors.percentage ? <p className="field-error">{errors.percentage}</p> : null}
        </div>
      ) : null}
      {mode === 'allowlist' ? (
        <div className="stack-sm">
          <OrganizationPicker section={label} picked={picked} onChange={setPicked} />
          {Object.entries(errors)
            .filter(([field]) => field.startsWith('organizations'))
            .map(([field, message]) => (
              <p key={field} className="field-error">
                {message}
              </p>
            ))}
        </div>
      ) : null}
      <div className="row">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : `Save ${label}`}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Hide ${label} from customers?`}
        description={`Customers who see ${label} now may lose it: it leaves their navigation and its pages answer “not found”.`}
        confirmLabel="Switch"
        danger
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
