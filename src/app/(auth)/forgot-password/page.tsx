import Link from 'next/link';
import { ActionForm, Field } from '@/ui/action-form';
import { forgotPasswordAction } from '../actions';
import { AuthCard } from '../auth-card';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Reset your password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password" intro="We will email you a link to choose a new one." footer={<Link href={portalPath('/sign-in')}>Back to sign in</Link>}>
      <ActionForm action={forgotPasswordAction} submitLabel="Send reset link" pendingLabel="Sending…" label="Reset your password">
        <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      </ActionForm>
    </AuthCard>
  );
}
