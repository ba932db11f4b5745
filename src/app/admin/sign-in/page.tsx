import { redirect } from 'next/navigation';
import { AuthCard } from '@/app/(auth)/auth-card';
import { currentStaff } from '@/platform/auth/staff-session';
import { safeStaffPath } from '@/platform/http/redirect-target';
import { ActionForm, Field } from '@/ui/action-form';
import { staffSignInAction } from './actions';

export const metadata = { title: 'Staff sign-in' };

const notices: Record<string, string> = {
  'signed-out': 'You are signed out.',
  'link-expired': 'That sign-in link has expired or was already used. Ask your staff tool for a new one, or sign in here.',
};

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeStaffPath(params.next);
  if (await currentStaff()) redirect(next);
  return (
    <AuthCard title="Staff sign-in" intro={(params.notice && notices[params.notice]) ?? 'The support team’s console. Customers sign in at their account page.'}>
      <ActionForm action={staffSignInAction} submitLabel="Sign in" pendingLabel="Signing in…" label="Staff sign-in">
        <input type="hidden" name="next" value={next} />
        <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      </ActionForm>
    </AuthCard>
  );
}
