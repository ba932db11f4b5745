import Link from 'next/link';
import { notFound } from 'next/navigation';
import { previewInvitation } from '@/modules/team/service';
import { getConfig } from '@/platform/config';
import { getDb } from '@/platform/db/client';
import { ActionForm, Field } from '@/ui/action-form';
import { signUpAction } from '../actions';
import { AuthCard } from '../auth-card';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string }> }) {
  const { invitation } = await searchParams;
  const invited = invitation ? await previewInvitation(await getDb(), invitation) : null;
  // An invitation opens sign-up even where open sign-up is switched off.
  if (!getConfig().signupEnabled && invited?.state !== 'open') notFound();
  const joining = invited?.state === 'open' ? invited : null;
  return (
    <AuthCard
      title="Create an account"
      footer={
        <span>
          Already have an account? <Link href={portalPath('/sign-in')}>Sign in</Link>
        </span>
      }
    >
      {joining ? (
        <p>
          You are joining <strong>{joining.organizationName}</strong> as {joining.role}.
        </p>
      ) : null}
      <ActionForm action={signUpAction} submitLabel="Create account" pendingLabel="Creating…" label="Create an account">
        <Field label="Your name" name="name" autoComplete="name" required autoFocus />
        {joining ? (
          <>
            <input type="hidden" name="invitation" value={invitation} />
            <Field label="Work email" name="email" type="email" defaultValue={joining.email} readOnly />
          </>
        ) : (
          <Field label="Work email" name="email" type="email" autoComplete="email" required />
        )}
        <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." required />
        {joining ? null : <Field label="Organization" name="organizationName" autoComplete="organization" required />}
      </ActionForm>
    </AuthCard>
  );
}
