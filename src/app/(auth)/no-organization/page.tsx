import { SignOutButton } from '../../sign-out-button';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'No organization' };

export default function NoOrganizationPage() {
  return (
    <AuthCard title="You are not part of an organization yet">
      <p>Ask an owner or admin of your organization to invite you, then follow the link in the invitation email.</p>
      <SignOutButton />
    </AuthCard>
  );
}
