import Link from 'next/link';
import { ActionForm, Field } from '@/ui/action-form';
import type { FormState } from '@/ui/form-state';
import { AuthCard } from './auth-card';

/** The second step of a sign-in, for customers and staff alike: a code from the app, or a backup code. */
export function TwoFactorChallenge({ page, next, backup, action }: { page: string; next: string; backup: boolean; action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const other = `${page}?next=${encodeURIComponent(next)}${backup ? '' : '&method=backup'}`;
  return (
    <AuthCard
      title="Two-factor authentication"
      intro={backup ? 'Enter one of your backup codes.' : 'Enter the 6-digit code from your authenticator app.'}
      footer={<Link href={other}>{backup ? 'Use your authenticator app' : 'Use a backup code instead'}</Link>}
    >
      <ActionForm action={action} submitLabel="Verify" pendingLabel="Verifying…" label="Two-factor authentication">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="method" value={backup ? 'backup' : 'totp'} />
        <Field label={backup ? 'Backup code' : 'Authentication code'} name="code" inputMode={backup ? 'text' : 'numeric'} autoComplete="one-time-code" required autoFocus />
      </ActionForm>
    </AuthCard>
  );
}
