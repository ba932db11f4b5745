import Link from 'next/link';
import { ActionForm, Field } from '@/ui/action-form';
import { resetPasswordAction } from '../actions';
import { AuthCard } from '../auth-card';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  if (!token || error) {
    return (
      <AuthCard title="This link has expired" footer={<Link href={portalPath('/forgot-password')}>Request a new link</Link>}>
        <p>Password reset links work once and for one hour.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <ActionForm action={resetPasswordAction} submitLabel="Save password" label="Choose a new password">
        <input type="hidden" name="token" value={token} />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." required autoFocus />
        <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required />
      </ActionForm>
    </AuthCard>
  );
}
