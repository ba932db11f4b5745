import Link from 'next/link';
import { previewInvitation } from '@/modules/team/service';
import { getAuthSession } from '@/platform/auth/current';
import { getConfig } from '@/platform/config';
import { getDb } from '@/platform/db/client';
import { ButtonLink } from '@/ui/button';
import { ActionForm } from '@/ui/action-form';
import { SignOutButton } from '../../../sign-out-button';
import { AuthCard } from '../../auth-card';
import { acceptInvitationAction } from './actions';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Join your team' };

const closed = {
  expired: { title: 'This invitation has expired', body: 'Invitations are valid for 7 days. Ask the person who invited you to send a new one.' },
  used: { title: 'This invitation has already been used', body: 'If that was you, sign in to reach your account.' },
  invalid: { title: 'This invitation is no longer valid', body: 'It may have been revoked or replaced by a newer one. Ask the person who invited you to send a new one.' },
};

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const invitation = token ? await previewInvitation(await getDb(), token) : ({ state: 'invalid' } as const);
  if (invitation.state !== 'open') {
    const { title, body } = closed[invitation.state];
    return (
      <AuthCard title={title} footer={<Link href={portalPath('/sign-in')}>Go to sign in</Link>}>
        <p>{body}</p>
      </AuthCard>
    );
  }
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const signedIn = await getAuthSession();
  const intro = (
    <>
      You have been invited to join <strong>{invitation.organizationName}</strong> as {invitation.role}.
    </>
  );

  if (signedIn && signedIn.user.email !== invitation.email) {
    return (
      <AuthCard title="Join your team" intro={intro}>
        <p role="alert">
          This invitation was sent to <strong>{invitation.email}</strong>, but you are signed in as {signedIn.user.email}. Sign out and sign in with the invited address.
        </p>
        <SignOutButton />
      </AuthCard>
    );
  }

  if (signedIn) {
    return (
      <AuthCard title="Join your team" intro={intro}>
        <ActionForm action={acceptInvitationAction} submitLabel={`Join ${invitation.organizationName}`} pendingLabel="Joining…" label="Accept invitation">
          <input type="hidden" name="token" value={token} />
        </ActionForm>
      </AuthCard>
    );
  }

  const host = getConfig().HOST_SIGN_IN_URL;
  return (
    <AuthCard title="Join your team" intro={intro}>
      <p>
        Sign in or create an account with <strong>{invitation.email}</strong> to accept.
      </p>
      <div className="row">
        <ButtonLink href={portalPath(`/sign-up?invitation=${encodeURIComponent(token)}`)}>Create an account</ButtonLink>
        <ButtonLink href={portalPath(`/sign-in?next=${encodeURIComponent(here)}`)} variant="secondary">
          I have an account
        </ButtonLink>
        {host ? (
          <ButtonLink href={`${host}${host.includes('?') ? '&' : '?'}next=${encodeURIComponent(`/account/join?token=${encodeURIComponent(token)}`)}`} variant="secondary">
            Sign in through the product
          </ButtonLink>
        ) : null}
      </div>
    </AuthCard>
  );
}
