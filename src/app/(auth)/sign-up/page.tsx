import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getConfig } from '@/platform/config';
import { ActionForm, Field } from '@/ui/action-form';
import { signUpAction } from '../actions';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'Create an account' };

export default function SignUpPage() {
  if (!getConfig().signupEnabled) notFound();
  return (
    <AuthCard
      title="Create an account"
      footer={
        <span>
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </span>
      }
    >
      <ActionForm action={signUpAction} submitLabel="Create account" pendingLabel="Creating…" label="Create an account">
        <Field label="Your name" name="name" autoComplete="name" required autoFocus />
        <Field label="Work email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." required />
        <Field label="Organization" name="organizationName" autoComplete="organization" required />
      </ActionForm>
    </AuthCard>
  );
}
