import { redirect } from 'next/navigation';
import { AuthCard } from '@/app/(auth)/auth-card';
import { STAFF_SIGN_IN_PAGE } from '@/platform/auth/staff-auth';
import { staffSessionState } from '@/platform/auth/staff-session';
import { safeStaffPath } from '@/platform/http/redirect-target';
import { Enrolment } from '../enrolment';

export const metadata = { title: 'Set up two-factor' };

/** Forced: a builtin staff session without two-factor opens this page and nothing else. */
export default async function StaffEnrolPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeStaffPath((await searchParams).next);
  const state = await staffSessionState();
  if (state.kind === 'signed_out') redirect(`${STAFF_SIGN_IN_PAGE}?next=${encodeURIComponent(next)}`);
  if (state.kind === 'signed_in') redirect(next);
  return (
    <AuthCard title="Set up two-factor" intro={`The staff console opens every customer’s data, so ${state.email} needs a code from an authenticator app at every sign-in.`}>
      <Enrolment next={next} />
    </AuthCard>
  );
}
