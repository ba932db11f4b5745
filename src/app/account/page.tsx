import { sessionsQuery } from '@/modules/account/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { getConfig } from '@/platform/config';
import { ActionForm, Field } from '@/ui/action-form';
import { ButtonLink } from '@/ui/button';
import { FlashToast } from '@/ui/toast';
import { SignOutButton } from '../sign-out-button';
import { changeEmailAction, changePasswordAction, updateProfileAction } from './actions';
import { SessionsCard } from './sessions-card';
import { TwoFactorCard } from './two-factor-card';

export const metadata = { title: 'Account' };

/** Arrivals from a link or a redirect elsewhere, announced as a toast. */
const notices: Record<string, string> = {
  'email-changed': 'Your email address was changed.',
  joined: 'Welcome! You have joined the organization.',
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requirePortalSession();
  const [read, { notice }] = await Promise.all([readPage(sessionsQuery, {}), searchParams]);
  const sessions = read.status === 'ok' ? read.data : [];
  const builtin = session.identity === 'builtin';
  const securityUrl = getConfig().HOST_SECURITY_URL;
  return (
    <div className="stack stack-lg">
      {notice && Object.hasOwn(notices, notice) ? <FlashToast message={notices[notice]!} kind="success" /> : null}
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p className="muted">Your profile, sign-in and sessions.</p>
        </div>
        <SignOutButton />
      </div>

      <section className="card stack" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ActionForm action={updateProfileAction} submitLabel="Save name" label="Profile">
          <Field label="Name" name="name" defaultValue={session.user.name} autoComplete="name" required />
        </ActionForm>
      </section>

      {builtin ? (
        <>
          <section className="card stack" aria-labelledby="email-heading">
            <h2 id="email-heading">Email</h2>
            <p className="muted">
              You sign in as <strong>{session.user.email}</strong>. A new address takes effect once you confirm it from that inbox.
            </p>
            <ActionForm action={changeEmailAction} submitLabel="Change email" pendingLabel="Sending…" resetOnSuccess label="Change email">
              <Field label="New email" name="newEmail" type="email" autoComplete="email" required />
            </ActionForm>
          </section>

          <section className="card stack" aria-labelledby="password-heading">
            <h2 id="password-heading">Password</h2>
            <ActionForm action={changePasswordAction} submitLabel="Change password" resetOnSuccess label="Change password">
              <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
              <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters. Your other sessions are signed out." required />
              <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required />
            </ActionForm>
          </section>

          <TwoFactorCard enabled={session.user.twoFactorEnabled} />
        </>
      ) : (
        <section className="card stack" aria-labelledby="security-heading">
          <h2 id="security-heading">Sign-in and security</h2>
          <p className="muted">You sign in through your product account; your email, password and two-factor settings live there.</p>
          {securityUrl ? (
            <div className="row">
              <ButtonLink href={securityUrl} variant="secondary">
                Manage sign-in and security
              </ButtonLink>
            </div>
          ) : null}
        </section>
      )}

      <SessionsCard sessions={sessions} />
    </div>
  );
}
