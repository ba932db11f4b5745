import { getConfig } from '@/platform/config';
import { ButtonLink } from '@/ui/button';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'Link expired' };

export default function HandoffExpiredPage() {
  const signIn = getConfig().HOST_SIGN_IN_URL ?? '/sign-in';
  return (
    <AuthCard title="This sign-in link has expired">
      <p>Links into your account work once and for five minutes. Sign in again and we will take you back.</p>
      <div className="row">
        <ButtonLink href={signIn}>Sign in again</ButtonLink>
      </div>
    </AuthCard>
  );
}
