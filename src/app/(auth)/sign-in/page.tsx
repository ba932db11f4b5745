import Link from 'next/link';
import { getConfig } from '@/platform/config';
import { safeNextPath } from '@/platform/http/redirect-target';
import { ActionForm, Field } from '@/ui/action-form';
import { signInAction } from '../actions';
import { AuthCard } from '../auth-card';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  'password-reset': 'Your password was changed. Sign in with the new one.',
  'signed-out': 'You are signed out.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const notice = params.notice ? notices[params.notice] : undefined;
  return (
    <AuthCard
      title="Sign in"
      intro={notice}
      footer={
        <>
          <Link href={portalPath('/forgot-password')}>Forgot your password?</Link>
          {getConfig().signupEnabled ? (
            <span>
              New here? <Link href={portalPath('/sign-up')}>Create an account</Link>
            </span>
          ) : null}
        </>
      }
    >
      <ActionForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…" label="Sign in">
        <input type="hidden" name="next" value={next} />
        <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      </ActionForm>
    </AuthCard>
  );
}
