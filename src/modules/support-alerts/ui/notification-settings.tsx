'use client';

import { ActionForm, Field, useFormState } from '@/ui/action-form';
import type { FormState } from '@/ui/form-state';
import { Table } from '@/ui/table';
import { settingsFields, toggleName, type ToggleChannel } from '../settings-fields';
import type { NotificationSettings } from '../settings-form';

const SLACK_URL = settingsFields.slackUrl;

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function SlackDestination({ saved }: { saved: string[] }) {
  const state = useFormState();
  const hint = 'In Slack: an app with Incoming Webhooks, then “Add New Webhook to Workspace”. Shown only masked once saved.';
  if (saved.length === 0) {
    return <Field label="Slack incoming-webhook URL" name={SLACK_URL} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://hooks.slack.com/services/…" hint={hint} />;
  }
  return (
    <div className="stack stack-sm">
      <p className="label">Slack incoming webhook</p>
      <ul className="stack stack-sm" aria-label="Saved Slack URLs">
        {saved.map((masked) => (
          <li key={masked}>
            <code className="mono">{masked}</code>
            <input type="hidden" name={settingsFields.keepSlack} value={masked} />
          </li>
        ))}
      </ul>
      <details open={Boolean(state.fields?.[SLACK_URL])}>
        <summary>Replace</summary>
        <Field label="New Slack incoming-webhook URL" name={SLACK_URL} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://hooks.slack.com/services/…" hint={hint} />
      </details>
      <label className="choice">
        <input type="checkbox" name={settingsFields.removeSlack} />
        <span>Stop posting to Slack (forget this URL)</span>
      </label>
    </div>
  );
}

function Toggle({ channel, event, label, checked }: { channel: ToggleChannel; event: string; label: string; checked: boolean }) {
  const names = { slack: 'Slack', email: 'Email', console: 'Console timeline' };
  return <input type="checkbox" name={toggleName(channel, event)} defaultChecked={checked} aria-label={`${names[channel]}: ${label}`} />;
}

/** The support team's notification settings: where alerts go, and which events go there. */
export function NotificationSettingsForm({ settings, action }: { settings: NotificationSettings; action: Action }) {
  const rows = settings.rules.map((r) => ({
    key: r.event,
    event: (
      <span className="stack stack-sm stack-start">
        <span>
          {r.label} {r.supportTeam ? <span className="badge badge-success">Recommended</span> : null}
        </span>
        <code className="small muted">{r.event}</code>
      </span>
    ),
    slack: <Toggle channel="slack" event={r.event} label={r.label} checked={r.slackOn} />,
    email: <Toggle channel="email" event={r.event} label={r.label} checked={r.emailOn} />,
    console: <Toggle channel="console" event={r.event} label={r.label} checked={r.console} />,
  }));
  return (
    <ActionForm action={action} submitLabel="Save notification rules" label="Notification rules">
      <section className="card stack" aria-labelledby="destinations-heading">
        <h2 id="destinations-heading">Where alerts go</h2>
        <SlackDestination saved={settings.slack} />
        <Field label="Support addresses" name={settingsFields.emails} hint="One address per line (or separated by commas). Each gets its own email.">
          <textarea name={settingsFields.emails} className="input" rows={3} defaultValue={settings.emails.join('\n')} autoComplete="off" spellCheck={false} />
        </Field>
      </section>
      <Table
        caption="Events and where each goes"
        columns={[
          { key: 'event', header: 'Event', rowHeader: true },
          { key: 'slack', header: 'Slack', align: 'center' },
          { key: 'email', header: 'Email', align: 'center' },
          { key: 'console', header: 'Console timeline', align: 'center' },
        ]}
        rows={rows}
      />
    </ActionForm>
  );
}

/** Sends one message to every saved Slack URL and address at once, and says which failed. */
export function TestMessageForm({ action }: { action: Action }) {
  return (
    <section className="card stack" aria-labelledby="test-heading">
      <h2 id="test-heading">Check the destinations</h2>
      <p className="small muted">Sends a test message to each saved Slack URL and support address now.</p>
      <ActionForm action={action} submitLabel="Send test message" pendingLabel="Sending…" variant="secondary" label="Send a test message" />
    </section>
  );
}
