import Link from 'next/link';
import { safeNextPath } from '@/platform/http/redirect-target';
import { ActionForm, Field } from '@/ui/action-form';
import { twoFactorAction } from '../actions';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'Two-factor authentication' };

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string; method?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const backup = params.method === 'backup';
  const other = `/two-factor?next=${encodeURIComponent(next)}${backup ? '' : '&method=backup'}`;
  return (
    <AuthCard
      title="Two-factor authentication"
      intro={backup ? 'Enter one of your backup codes.' : 'Enter the 6-digit code from your authenticator app.'}
      footer={<Link href={other}>{backup ? 'Use your authenticator app' : 'Use a backup code instead'}</Link>}
    >
      <ActionForm action={twoFactorAction} submitLabel="Verify" pendingLabel="Verifying…" label="Two-factor authentication">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="method" value={backup ? 'backup' : 'totp'} />
        <Field label={backup ? 'Backup code' : 'Authentication code'} name="code" inputMode={backup ? 'text' : 'numeric'} autoComplete="one-time-code" required autoFocus />
      </ActionForm>
    </AuthCard>
  );
}
